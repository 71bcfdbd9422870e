// Hand-written charts: bars as HTML (they reflow on a phone and their text stays readable) and the
// timeline as SVG. No library, nothing fetched. A count is a number, or the string "<5" or
// "suppressed" from the server's suppression plan: those are written as they are, a "<5" gets a
// small hatched stub (its true length is not known) and a "suppressed" count no bar at all.

import { isNumber } from './text.js';

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, String(value));
  }
  return node;
}

function percent(value, max) {
  return max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
}

/**
 * Horizontal bars. rows: [{key, label, bars: [{kind, value, text, range: [min, max]}]}]; every bar
 * of every row is drawn on one scale, so a confirmed count and an estimate can be compared but are
 * never added. attribute names the data-* attribute that carries each row's key.
 */
export function barList(container, rows, attribute, emptyText) {
  container.replaceChildren();
  if (rows.length === 0) {
    container.append(el('p', 'empty', emptyText));
    return;
  }
  let max = 0;
  for (const row of rows) {
    for (const bar of row.bars) {
      if (bar.range) {
        max = Math.max(max, bar.range[1]);
      } else if (isNumber(bar.value)) {
        max = Math.max(max, bar.value);
      }
    }
  }
  const list = el('ul', 'bars');
  for (const row of rows) {
    const item = el('li', 'bar-row');
    item.dataset[attribute] = row.key;
    item.append(el('span', 'bar-label', row.label));
    for (const bar of row.bars) {
      const line = el('span', 'bar-line ' + bar.kind);
      const track = el('span', 'bar-track');
      const fill = el('span', 'bar');
      if (bar.range) {
        fill.style.marginLeft = percent(bar.range[0], max) + '%';
        fill.style.width = Math.max(0.5, percent(bar.range[1] - bar.range[0], max)) + '%';
      } else if (isNumber(bar.value)) {
        fill.style.width = percent(bar.value, max) + '%';
      } else {
        fill.classList.add(bar.value === 'suppressed' ? 'none' : 'small');
      }
      track.append(fill);
      const value = el('span', 'bar-value', bar.text);
      value.dataset.value = bar.range ? bar.range.join('-') : String(bar.value);
      line.append(track, value);
      item.append(line);
    }
    list.append(item);
  }
  container.append(list);
}

function niceMax(value) {
  if (value <= 4) {
    return 4;
  }
  const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= value) {
      return step * magnitude;
    }
  }
  return 10 * magnitude;
}

/**
 * The daily timeline: one line per series over every day from..to (a day the server does not
 * list had nothing). A day whose count is "<5" or "suppressed" breaks the line and is marked on
 * the axis with the text as its tooltip.
 * options: {days: [{day, ...}], dates: ['yyyy-MM-dd'...], series: [{key, kind, label}], number, dayLabel}
 */
export function lineChart(container, options) {
  container.replaceChildren();
  const width = Math.max(280, Math.round(container.clientWidth || 600));
  const height = width < 500 ? 180 : 220;
  const pad = { left: 40, right: 10, top: 10, bottom: 26 };
  const byDay = new Map(options.days.map((d) => [d.day, d]));
  const dates = options.dates;
  let top = 0;
  for (const s of options.series) {
    for (const d of options.days) {
      if (isNumber(d[s.key])) {
        top = Math.max(top, d[s.key]);
      }
    }
  }
  top = niceMax(top);
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (i) => pad.left + (dates.length < 2 ? plotW / 2 : (i * plotW) / (dates.length - 1));
  const y = (v) => pad.top + plotH - (v / top) * plotH;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'timeline' });
  chart.append(svg('title', {}));
  chart.firstChild.textContent = options.title;
  for (const tick of [0, top / 2, top]) {
    chart.append(svg('line', { class: 'grid', x1: pad.left, x2: width - pad.right, y1: y(tick), y2: y(tick) }));
    const label = svg('text', { class: 'axis', x: pad.left - 6, y: y(tick) + 4, 'text-anchor': 'end' });
    label.textContent = options.number(Math.round(tick));
    chart.append(label);
  }
  const ticks = dates.length <= 1 ? [0] : [0, Math.floor((dates.length - 1) / 2), dates.length - 1];
  for (const i of ticks) {
    const anchor = i === 0 ? 'start' : i === dates.length - 1 ? 'end' : 'middle';
    const label = svg('text', { class: 'axis', x: x(i), y: height - 8, 'text-anchor': anchor });
    label.textContent = options.dayLabel(dates[i]);
    chart.append(label);
  }
  const marks = [];
  for (const s of options.series) {
    let path = '';
    let drawing = false;
    dates.forEach((date, i) => {
      const day = byDay.get(date);
      const value = day ? day[s.key] : 0;
      if (isNumber(value)) {
        path += (drawing ? ' L' : ' M') + x(i).toFixed(1) + ' ' + y(value).toFixed(1);
        drawing = true;
        if (value > 0) {
          marks.push(svg('circle', { class: 'point ' + s.kind, cx: x(i), cy: y(value), r: 2.5, 'data-day': date, 'data-value': value }));
        }
      } else {
        drawing = false;
        const mark = svg('path', {
          class: 'hidden-mark ' + s.kind, 'data-day': date, 'data-value': value,
          d: `M${x(i) - 3} ${pad.top + plotH + 1} l3 -6 l3 6 z`,
        });
        const tip = svg('title', {});
        tip.textContent = s.label + ': ' + value;
        mark.append(tip);
        marks.push(mark);
      }
    });
    chart.append(svg('path', { class: 'line ' + s.kind, d: path.trim(), 'data-series': s.key }));
  }
  // points and marks over the lines
  chart.append(...marks);
  container.append(chart);
}
