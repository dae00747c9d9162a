/** Input types that take no typed text: a focused checkbox or radio still lets single-letter page shortcuts through. */
const NON_TEXT_INPUTS = new Set(["checkbox", "radio"]);

/** Whether a key press lands in a text control, where single-letter page shortcuts must stay quiet. */
export function isTypingTarget(target: EventTarget | null) {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement && NON_TEXT_INPUTS.has(target.type)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}
