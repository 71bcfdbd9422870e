// The compound registry as a table, sortable by any column (click a heading; again to reverse).
// Counts sort by what is shown: "<5" as between 0 and 5, "suppressed" and empty cells always last.
import { rank } from './text.js';

const WORD_COLUMNS = ['name', 'country', 'province', 'status', 'discoveredOn'];
const COUNT_COLUMNS = ['total', 'unrepatriated', 'repatriated', 'detained'];
const COLUMNS = [...WORD_COLUMNS, ...COUNT_COLUMNS, 'estimate', 'operatorArrests'];

/** Builds the heading row; onSort(key, firstDirection) is called when a heading is clicked. */
export function buildHead(row, onSort) {
  for (const key of COLUMNS) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.dataset.sort = key;
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.label = key;
    // words start from A, counts from the largest
    button.addEventListener('click', () => onSort(key, WORD_COLUMNS.includes(key) ? 1 : -1));
    th.append(button);
    row.append(th);
  }
}

function sortValue(c, key, text) {
  switch (key) {
    case 'name': return text.compoundName(c);
    case 'country': return c.country ? text.country(c.country) : null;
    case 'province': return c.province || null;
    case 'status': return c.status ? text.t(c.status) : null;
    case 'discoveredOn': return c.discoveredOn || null;
    case 'estimate': return c.estimated ? c.estimated.max : null;
    case 'operatorArrests': return c.registered ? c.operatorArrests : null;
    default: return rank(c[key]);
  }
}

function comparator(sort, text) {
  return (a, b) => {
    const va = sortValue(a, sort.key, text);
    const vb = sortValue(b, sort.key, text);
    if (va === null || vb === null) {
      return (va === null) - (vb === null);
    }
    const order = typeof va === 'number' ? va - vb : sort.key === 'discoveredOn' ? va.localeCompare(vb) : text.compare(va, vb);
    return order * sort.direction || text.compare(text.compoundName(a), text.compoundName(b));
  };
}

function cell(field, shown, value) {
  const td = document.createElement('td');
  td.dataset.field = field;
  td.textContent = shown;
  if (value !== undefined) {
    td.dataset.value = String(value);
  }
  return td;
}

export function renderTable(table, compounds, sort, text) {
  for (const th of table.querySelectorAll('th[data-sort]')) {
    const key = th.dataset.sort;
    th.setAttribute('aria-sort', key === sort.key ? (sort.direction > 0 ? 'ascending' : 'descending') : 'none');
    th.querySelector('button').title = text.t('sortBy', text.t(key));
  }
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const c of [...compounds].sort(comparator(sort, text))) {
    const row = document.createElement('tr');
    row.dataset.compoundId = c.compoundId;
    row.append(
      cell('name', text.compoundName(c)),
      cell('country', c.country ? text.country(c.country) : ''),
      cell('province', c.province || ''),
      cell('status', c.status ? text.t(c.status) : ''),
      cell('discoveredOn', text.date(c.discoveredOn)),
      ...COUNT_COLUMNS.map((k) => cell(k, text.count(c[k]), c[k])),
      cell('estimate', c.estimated ? text.count(c.estimated.min) + '–' + text.count(c.estimated.max) : '—'),
      cell('operatorArrests', c.registered ? text.count(c.operatorArrests) : '', c.registered ? c.operatorArrests : undefined),
    );
    body.append(row);
  }
}
