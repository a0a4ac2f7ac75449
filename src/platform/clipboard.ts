/** Copying text for the user (extension pages only; needs the page to be focused). */
export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text)
}
