import { describe, expect, it } from 'vitest'
import { hostFromInput, rangeOfDays } from './settings-store'

describe('hostFromInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM. ', 'example.com'],
    ['https://www.bank.example/login?next=/', 'www.bank.example'],
    ['http://shop.test:8080/x', 'shop.test'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['[::1]', '[::1]'],
  ])('reads %j as %j', (input, host) => {
    expect(hostFromInput(input)).toBe(host)
  })

  it.each([
    '',
    'not a site',
    'localhost',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '.',
    'a..b',
  ])('refuses %j', (input) => {
    expect(hostFromInput(input)).toBeNull()
  })
})

describe('rangeOfDays', () => {
  it('runs from the first day’s local midnight to the one after the last day', () => {
    expect(rangeOfDays('2024-05-01', '2024-05-03')).toEqual({
      from: new Date(2024, 4, 1).getTime(),
      to: new Date(2024, 4, 4).getTime(),
    })
    expect(rangeOfDays('2024-12-31', '2024-12-31')).toEqual({
      from: new Date(2024, 11, 31).getTime(),
      to: new Date(2025, 0, 1).getTime(),
    })
  })

  it.each([
    ['2024-05-03', '2024-05-01'],
    ['2024-02-30', '2024-03-01'],
    ['', '2024-03-01'],
    ['2024-5-1', '2024-05-02'],
  ])('refuses %s to %s', (a, b) => {
    expect(rangeOfDays(a, b)).toBeNull()
  })
})
