/**
 * Kazakhstan's individual identification number (ЖСН / ИИН): 12 digits, the last a check
 * digit. The check is a weighted sum mod 11 with weights 1..11; when that gives 10, a second
 * pass with weights 3..11,1,2 is used; a result of 10 again means the number is invalid.
 */
export function isValidIin(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const checksum = (weights: number[]) => weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;
  let check = checksum([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = checksum([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === digits[11];
}
