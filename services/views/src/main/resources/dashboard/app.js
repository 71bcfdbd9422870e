// The live dashboard. It holds the token in memory only (never in a URL, a cookie or storage), reads
// snapshots from the authenticated stream and draws them. Every value drawn comes from a snapshot:
// counts, dates and the compound registry, nothing about any person. Text goes in with
// textContent, never as HTML, so a compound name cannot inject markup.
import { LANGUAGES } from './labels.js';
import { openStream } from './sse.js';
import { barList, lineChart } from './charts.js';
import { Text, rank, utc } from './text.js';
import { buildHead, renderTable } from './table.js';

const STREAM = '/api/v1/dashboard/stream';
const SILENCE_MS = 45000; // three heartbeats missed: the connection is gone, open a new one
const LANGUAGE_KEY = 'casetrack.dashboard.language';
const BUCKETS = ['0-7', '8-30', '31-90', '90+'];

const $ = (id) => document.getElementById(id);
const state = {
  token: null,
  snapshot: null,
  status: 'signedOut',
  sort: { key: 'total', direction: -1 },
  abort: null,
  retry: 0,
  lastActivity: 0,
};
let text = new Text(initialLanguage());

function initialLanguage() {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved && LANGUAGES[saved]) {
      return saved;
    }
  } catch (e) {
    // storage may be switched off: the browser's language decides
  }
  const preferred = (navigator.language || 'en').slice(0, 2);
  return LANGUAGES[preferred] ? preferred : 'en';
}

// ---- connection ----

async function connect() {
  clearTimeout(state.retry);
  if (!state.token) {
    return;
  }
  const controller = new AbortController();
  state.abort = controller;
  touch();
  try {
    const response = await openStream(STREAM, state.token, controller.signal, onEvent, touch);
    if (controller.signal.aborted || !state.token) {
      return;
    }
    if (response === null) {
      reconnect('offline', 1);
    } else if (response.status === 401 || response.status === 403) {
      signOut('rejected');
    } else if (response.status === 503) {
      reconnect('updating', Number(response.headers.get('Retry-After')) || 2);
    } else {
      reconnect('offline', 5);
    }
  } catch (e) {
    if (!controller.signal.aborted && state.token) {
      reconnect('offline', 3);
    }
  }
}

function reconnect(status, seconds) {
  setStatus(status);
  clearTimeout(state.retry);
  state.retry = setTimeout(connect, seconds * 1000);
}

function touch() {
  state.lastActivity = Date.now();
}

function onEvent(event) {
  if (event.event === 'snapshot') {
    state.snapshot = JSON.parse(event.data);
    $('sign-in').hidden = true;
    $('board').hidden = false;
    setStatus('live');
    render();
  } else if (event.event === 'updating') {
    setStatus('updating');
  } else if (event.event === 'signed-out') {
    signOut('signedOut');
  }
}

function signOut(reason) {
  state.token = null;
  state.snapshot = null;
  clearTimeout(state.retry);
  if (state.abort) {
    state.abort.abort();
  }
  for (const id of ['chart-compounds', 'chart-nationalities', 'chart-waiting', 'chart-timeline', 'registry-body']) {
    $(id).replaceChildren();
  }
  $('board').hidden = true;
  $('sign-in').hidden = false;
  const error = $('sign-in-error');
  error.hidden = reason !== 'rejected';
  error.textContent = reason === 'rejected' ? text.t('rejected') : '';
  setStatus(reason === 'rejected' ? 'signedOut' : reason);
}

function setStatus(status) {
  state.status = status;
  const line = $('status');
  line.dataset.state = status;
  line.textContent = text.t(status);
  $('board').classList.toggle('stale', status !== 'live');
}

// ---- drawing ----

function applyLanguage() {
  document.documentElement.lang = text.language;
  document.title = 'casetrack · ' + text.t('title');
  for (const node of document.querySelectorAll('[data-label]')) {
    node.textContent = text.t(node.dataset.label);
  }
  for (const button of document.querySelectorAll('[data-language]')) {
    button.setAttribute('aria-pressed', String(button.dataset.language === text.language));
  }
  $('status').textContent = text.t(state.status);
  const error = $('sign-in-error');
  if (!error.hidden) {
    error.textContent = text.t('rejected');
  }
}

function render() {
  const s = state.snapshot;
  if (!s) {
    return;
  }
  const audience = s.audience;
  $('scope').textContent = audience.role === 'coordinator' ? text.t('coordinatorScope')
    : audience.role === 'embassy' ? text.t('embassyScope', text.country(audience.nationality)) : text.t('monitorScope');
  $('as-of').textContent = text.t('asOf') + ' ' + text.date(s.asOf);
  $('suppression-note').hidden = !audience.suppressed;
  figure('unrepatriated-total', s.unrepatriated.total);
  figure('compounds-known', s.compounds.filter((c) => c.registered).length);
  renderCompounds(s);
  renderNationalities(s);
  renderWaiting(s);
  renderTimeline(s);
  renderTable($('registry'), s.compounds, state.sort, text);
}

function figure(id, value) {
  const node = $(id);
  node.textContent = text.count(value);
  node.dataset.value = String(value);
}

function renderCompounds(s) {
  const compounds = [...s.compounds].sort((a, b) => (a.compoundId === 'UNKNOWN') - (b.compoundId === 'UNKNOWN')
    || (rank(b.total) ?? -1) - (rank(a.total) ?? -1) || text.compare(text.compoundName(a), text.compoundName(b)));
  const rows = compounds.map((c) => ({
    key: c.compoundId,
    label: text.compoundName(c),
    bars: [
      { kind: 'confirmed', value: c.total, text: text.count(c.total) },
      c.estimated ? { kind: 'estimated', range: [c.estimated.min, c.estimated.max],
        text: text.count(c.estimated.min) + '–' + text.count(c.estimated.max) } : { kind: 'estimated', value: 0, text: '—' },
    ],
  }));
  barList($('chart-compounds'), rows, 'compound', text.t('noData'));
}

function renderNationalities(s) {
  // largest first; "<5" after the numbers, "suppressed" last, whatever their hidden values
  const entries = Object.entries(s.unrepatriated.byNationality).sort(([n1, v1], [n2, v2]) => {
    const r1 = rank(v1), r2 = rank(v2);
    const byName = text.compare(text.country(n1), text.country(n2));
    return r1 === null || r2 === null ? (r1 === null) - (r2 === null) || byName : r2 - r1 || byName;
  });
  const rows = entries.map(([n, v]) => ({ key: n, label: text.country(n), bars: [{ kind: 'confirmed', value: v, text: text.count(v) }] }));
  barList($('chart-nationalities'), rows, 'nationality', text.t('noData'));
}

function bucketLabel(bucket) {
  if (bucket.endsWith('+')) {
    return text.t('overDays', text.number(Number(bucket.slice(0, -1))));
  }
  const [a, b] = bucket.split('-').map(Number);
  return text.t('days', text.number(a), text.number(b));
}

function renderWaiting(s) {
  const rows = BUCKETS.map((b) => {
    const v = s.unrepatriated.byDaysWaiting[b];
    return { key: b, label: bucketLabel(b), bars: [{ kind: 'waiting', value: v, text: text.count(v) }] };
  });
  barList($('chart-waiting'), rows, 'bucket', text.t('noData'));
}

function renderTimeline(s) {
  const dates = [];
  for (let d = utc(s.timeline.from); d <= utc(s.timeline.to); d.setUTCDate(d.getUTCDate() + 1)) {
    dates.push(d.toISOString().slice(0, 10));
  }
  const series = ['escapes', 'repatriations', 'arrests'].map((key) => ({ key, kind: key, label: text.t(key) }));
  lineChart($('chart-timeline'), {
    days: s.timeline.days, dates, series, title: text.t('timeline'),
    number: (v) => text.number(v),
    dayLabel: (day) => text.shortDate(day),
  });
}

// ---- wiring ----

function start() {
  buildHead(document.querySelector('#registry thead tr'), (key, first) => {
    state.sort = { key, direction: state.sort.key === key ? -state.sort.direction : first };
    if (state.snapshot) {
      renderTable($('registry'), state.snapshot.compounds, state.sort, text);
    }
  });
  applyLanguage();
  setStatus('signedOut');
  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = $('token');
    const token = input.value.trim();
    input.value = '';
    if (!token) {
      return;
    }
    if (state.abort) {
      state.abort.abort();
    }
    state.token = token;
    $('sign-in-error').hidden = true;
    setStatus('connecting');
    connect();
  });
  $('sign-out').addEventListener('click', () => signOut('signedOut'));
  for (const button of document.querySelectorAll('[data-language]')) {
    button.addEventListener('click', () => {
      text = new Text(button.dataset.language);
      try {
        localStorage.setItem(LANGUAGE_KEY, text.language);
      } catch (e) {
        // not kept: the choice holds for this page
      }
      applyLanguage();
      render();
    });
  }
  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => state.snapshot && renderTimeline(state.snapshot));
  }).observe($('chart-timeline'));
  setInterval(() => {
    if (state.token && state.abort && Date.now() - state.lastActivity > SILENCE_MS) {
      state.abort.abort();
      reconnect('offline', 0);
    }
  }, 5000);
}

start();
