// Words, numbers, dates and names in one of the dashboard's languages. Counts are a number or the
// string "<5" / "suppressed" from the server's suppression plan: numbers are formatted, the
// strings are shown as they are.
import { LABELS, LANGUAGES } from './labels.js';

export function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A yyyy-MM-dd day as a Date at midnight UTC (formatted in UTC, so no time zone moves it). */
export function utc(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export class Text {
  constructor(language) {
    const { locale, numberingSystem } = LANGUAGES[language];
    this.language = language;
    try {
      this.regions = new Intl.DisplayNames([locale], { type: 'region' });
    } catch (e) {
      this.regions = null; // an old browser: country codes are shown as they are
    }
    const day = { day: 'numeric', month: 'short', timeZone: 'UTC', numberingSystem };
    this.numbers = new Intl.NumberFormat(locale, { numberingSystem });
    this.dates = new Intl.DateTimeFormat(locale, { ...day, year: 'numeric' });
    this.shortDates = new Intl.DateTimeFormat(locale, day);
    this.collator = new Intl.Collator(locale);
  }

  t(key, a, b) {
    const text = LABELS[this.language][key] ?? LABELS.en[key] ?? key;
    return text.replace('{a}', a ?? '').replace('{b}', b ?? '');
  }

  number(value) {
    return this.numbers.format(value);
  }

  count(value) {
    return isNumber(value) ? this.numbers.format(value) : String(value);
  }

  date(day) {
    return day ? this.dates.format(utc(day)) : '';
  }

  shortDate(day) {
    return this.shortDates.format(utc(day));
  }

  country(code) {
    if (!code) {
      return '';
    }
    if (code === 'XX') {
      return this.t('unknownNationality');
    }
    try {
      return (this.regions && this.regions.of(code)) || code;
    } catch (e) {
      return code;
    }
  }

  compoundName(c) {
    if (c.registered) {
      return c.name;
    }
    return c.compoundId === 'UNKNOWN' ? this.t('unknownCompound') : c.compoundId;
  }

  compare(a, b) {
    return this.collator.compare(a, b);
  }
}

/**
 * Where a count sorts: its number; "<5" between 0 and 5 (it is 1 to 4); "suppressed" (or nothing)
 * null, which callers keep at the end, so an order never hints at a hidden value.
 */
export function rank(value) {
  if (isNumber(value)) {
    return value;
  }
  return value === 'suppressed' || value === undefined || value === null ? null : 2.5;
}
