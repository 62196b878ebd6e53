/**
 * Words of the HTML report a consultant hands to a client that are not its labels (render/html/labels.ts):
 * the cover's caveat for sums of several currencies, and the plain sentence that stands for a --map
 * snippet in the client's Data quality. Part of the catalogue in core/messages.ts.
 */
import type { Template } from '../messages.js';

export const HTML_TEXT = {
  /** Whose amounts a mixed-currencies alert concerns, by the file they are in. */
  amountsOf: {
    deals: { ru: 'Суммы сделок', en: 'The deal amounts' },
    spend: { ru: 'Суммы файла расходов', en: "The spend file's amounts" },
    payments: { ru: 'Суммы файла оплат', en: "The payments file's amounts" },
  },
  /** One currency of the caveat's list and its count of deals (rows). */
  currencyCount: { ru: '{currency} — {count}', en: '{currency} {count}' },
  /** The cover's caveat under the headline figures a mixed-currencies alert concerns (render/html/cover.ts currencyCaveat). */
  currencyCaveat: {
    ru: '* {whose} — в разных валютах ({list}) и сложены как есть, без пересчёта: отмеченные цифры — не сумма в одной валюте. Подробнее — в разделе «Качество данных».',
    en: '* {whose} are in several currencies ({list}), added as they are, unconverted: the marked figures are no sum in one currency. See Data quality.',
  },
  /** What stands in a client's Data quality for an alert's --map snippet (render/html/client-text.ts withoutSnippet). */
  mapFixes: { ru: 'Это исправит файл соответствий (--map) при следующем запуске.', en: 'A mapping file (--map) on the next run fixes this.' },
} as const satisfies Record<string, Template | Record<string, Template>>;
