import type { Names } from './tables.js';

export interface DemoStreet {
  /** KATO of the city (a settlement from the centres file). */
  city: string;
  names: Names;
  /** Longitude, latitude of a point on the street: approximate, for the demo geocoder only. */
  at: [number, number];
}

/** Well-known streets of the largest cities, so the built-in geocoder answers below city level. */
export const DEMO_STREETS: readonly DemoStreet[] = [
  { city: '750000000', names: { kk: 'Абай даңғылы', ru: 'проспект Абая', en: 'Abay Avenue' }, at: [76.9229, 43.2403] },
  { city: '750000000', names: { kk: 'Достық даңғылы', ru: 'проспект Достык', en: 'Dostyk Avenue' }, at: [76.9578, 43.238] },
  {
    city: '750000000',
    names: { kk: 'Әл-Фараби даңғылы', ru: 'проспект аль-Фараби', en: 'Al-Farabi Avenue' },
    at: [76.929, 43.219],
  },
  { city: '750000000', names: { kk: 'Төле би көшесі', ru: 'улица Толе би', en: 'Tole Bi Street' }, at: [76.908, 43.2545] },
  {
    city: '750000000',
    names: { kk: 'Жібек жолы даңғылы', ru: 'проспект Жибек Жолы', en: 'Zhibek Zholy Avenue' },
    at: [76.943, 43.26],
  },
  {
    city: '750000000',
    names: { kk: 'Сейфуллин даңғылы', ru: 'проспект Сейфуллина', en: 'Seifullin Avenue' },
    at: [76.938, 43.25],
  },
  { city: '710000000', names: { kk: 'Нұржол бульвары', ru: 'бульвар Нуржол', en: 'Nurzhol Boulevard' }, at: [71.423, 51.129] },
  {
    city: '710000000',
    names: { kk: 'Мәңгілік Ел даңғылы', ru: 'проспект Мангилик Ел', en: 'Mangilik El Avenue' },
    at: [71.418, 51.095],
  },
  {
    city: '710000000',
    names: { kk: 'Қабанбай батыр даңғылы', ru: 'проспект Кабанбай батыра', en: 'Kabanbay Batyr Avenue' },
    at: [71.41, 51.105],
  },
  {
    city: '710000000',
    names: { kk: 'Республика даңғылы', ru: 'проспект Республики', en: 'Respublika Avenue' },
    at: [71.43, 51.17],
  },
  { city: '710000000', names: { kk: 'Абай даңғылы', ru: 'проспект Абая', en: 'Abay Avenue' }, at: [71.425, 51.165] },
  { city: '710000000', names: { kk: 'Кенесары көшесі', ru: 'улица Кенесары', en: 'Kenesary Street' }, at: [71.42, 51.168] },
  {
    city: '790000000',
    names: { kk: 'Тәуке хан даңғылы', ru: 'проспект Тауке хана', en: 'Tauke Khan Avenue' },
    at: [69.595, 42.321],
  },
  { city: '790000000', names: { kk: 'Қонаев бульвары', ru: 'бульвар Кунаева', en: 'Konaev Boulevard' }, at: [69.598, 42.317] },
  {
    city: '351010000',
    names: { kk: 'Бұқар жырау даңғылы', ru: 'проспект Бухар-Жырау', en: 'Bukhar Zhyrau Avenue' },
    at: [73.095, 49.805],
  },
  {
    city: '151010000',
    names: { kk: 'Әбілқайыр хан даңғылы', ru: 'проспект Абулхаир хана', en: 'Abilkaiyr Khan Avenue' },
    at: [57.175, 50.285],
  },
];
