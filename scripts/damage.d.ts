export function fold(text: string): string
export function isGbkText(text: string): boolean
export function damage(
  paragraph: string,
  at: number,
  options?: {lead?: '?' | '\ufffd'; strip?: boolean},
): {damaged: string; end: number}
export function damagePlaces(paragraph: string): [number[], number[], number[]]
export function paragraphsOf(text: string): string[]
export function scoreRepair(
  truth: string,
  repaired: string,
  at: number,
  end: number,
): {right: number; replacement: number; wrong: number}
