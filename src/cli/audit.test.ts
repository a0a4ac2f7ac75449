import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { chooseLinks, loadError, makeCanaries, parseArgs, UsageError } from './audit'

describe('audit options', () => {
  it('reads every option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelight-audit-'))
    const list = join(dir, 'urls.txt')
    writeFileSync(list, '# sites\nhttps://b.test/\n\n  https://c.test/x # shop\n')
    expect(
      parseArgs([
        '--out',
        'results',
        '--follow',
        '3',
        '--type-canaries',
        '--resolve',
        'MAP * 127.0.0.1',
        '--browser',
        '/usr/bin/chromium',
        '--timeout',
        '5000',
        '--headful',
        '--json',
        '--urls',
        list,
        'https://a.test/',
      ]),
    ).toEqual({
      out: 'results',
      urls: ['https://b.test/', 'https://c.test/x', 'https://a.test/'],
      resolve: 'MAP * 127.0.0.1',
      browser: '/usr/bin/chromium',
      timeout: 5000,
      follow: 3,
      typeCanaries: true,
      headful: true,
      json: true,
    })
    expect(parseArgs(['https://a.test/'])).toMatchObject({ follow: 0, typeCanaries: false })
    expect(parseArgs(['--help'])).toBe('help')
  })

  it.each([
    [['ftp://a.test/'], '"ftp://a.test/" is not an http or https address.'],
    [['a.test'], '"a.test" is not a web address. Write it in full, e.g. https://example.com/.'],
    [[], 'Give at least one URL to audit.'],
    [['--follow', '-1', 'https://a.test/'], '--follow takes a number of links from 0 to 50.'],
    [['--follow', 'two', 'https://a.test/'], '--follow takes a number of links from 0 to 50.'],
    [['--follow', '--json', 'https://a.test/'], '--follow needs a value.'],
    [
      ['--timeout', '10', 'https://a.test/'],
      '--timeout takes a number of milliseconds, at least 1000.',
    ],
    [['--out'], '--out needs a value.'],
    [['--urls', '/nonexistent/list.txt'], 'Cannot read the URL list /nonexistent/list.txt.'],
    [['--fast', 'https://a.test/'], 'Unknown option --fast.'],
  ])('refuses %j in one sentence', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message))
  })
})

describe('chooseLinks', () => {
  const page = 'https://www.news.test/front?x=1#top'
  it('takes the first N distinct same-site pages, in page order', () => {
    expect(
      chooseLinks(
        page,
        [
          '/article/1',
          'https://news.test/article/2#comments',
          '/article/1#again',
          'https://cdn.news.test/article/3',
          '/article/4',
        ],
        3,
      ),
    ).toEqual([
      'https://www.news.test/article/1',
      'https://news.test/article/2',
      'https://cdn.news.test/article/3',
    ])
  })

  it('skips other sites, the page itself, files, other schemes and links already taken', () => {
    expect(
      chooseLinks(
        page,
        [
          'https://elsewhere.test/a',
          'https://news.test.evil.test/a',
          '#top',
          '/front?x=1',
          '/paper.pdf',
          '/photo.JPG',
          'mailto:desk@news.test',
          'javascript:void(0)',
          'http://[bad',
          '/seen',
          '/next',
        ],
        5,
        new Set(['https://www.news.test/seen']),
      ),
    ).toEqual(['https://www.news.test/next'])
    expect(chooseLinks(page, ['/a', '/b'], 0)).toEqual([])
  })

  it('treats sites under a public suffix as different sites', () => {
    expect(chooseLinks('https://alice.github.io/', ['https://bob.github.io/', '/post'], 5)).toEqual(
      ['https://alice.github.io/post'],
    )
  })
})

describe('canaries and load errors', () => {
  it('makes values unique to the run, typed as a person would', () => {
    expect(makeCanaries('0a1b2c3d4e')).toEqual({
      email: 'tracelight.canary.0a1b2c3d4e@example.com',
      text: 'Tracelight canary 0a1b2c3d4e',
    })
    expect(makeCanaries().email).not.toBe(makeCanaries().email)
  })

  it('puts network errors into words, on one line', () => {
    expect(
      loadError(new Error('page.goto: net::ERR_NAME_NOT_RESOLVED at https://x/\n  at …'), 1),
    ).toBe('the host name could not be found (ERR_NAME_NOT_RESOLVED)')
    expect(loadError(new Error('page.goto: Timeout 3000ms exceeded.'), 3000)).toBe(
      'it did not load within 3000 ms',
    )
    expect(loadError(new Error('first line\nsecond'), 1)).toBe('first line')
  })
})
