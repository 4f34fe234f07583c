// MMC Cycle: a client cycle's checklist as a process owner reads it, in a "Checklist" tab of the process
// instance view: the client, the month, the visit, how many items are answered, and each item by device
// and section with its answer and note. The Variables tab still holds the raw checklistItems variable
// (JSON, what the engine keeps); this tab is where people read it.
const STATUS = { done: 'Done', issue: 'Issue', na: 'n/a' };
const COLOURS = { done: '#2e7d32', issue: '#b5152b', na: '#6b6b6b' };

function variables(api, processInstanceId) {
  const url = api.engineApi + '/process-instance/' + encodeURIComponent(processInstanceId) + '/variables?deserializeValues=false';
  return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then((response) => {
    if (!response.ok) { throw new Error('status ' + response.status); }
    return response.json();
  });
}

function text(tag, value, className) {
  const element = document.createElement(tag);
  element.textContent = value == null ? '' : String(value);
  if (className) { element.className = className; }
  return element;
}

function valueOf(all, name) {
  return all[name] && all[name].value != null ? all[name].value : null;
}

function items(all) {
  const raw = valueOf(all, 'checklistItems');
  if (raw == null) { return null; }
  return typeof raw === 'string' ? JSON.parse(raw) : raw;
}

function render(node, all) {
  const rows = items(all);
  const panel = document.createElement('div');
  panel.id = 'mmc-checklist';
  const facts = [valueOf(all, 'clientName'), valueOf(all, 'cycleMonth'),
    valueOf(all, 'visitDate') ? 'visit ' + valueOf(all, 'visitDate') : 'visit not scheduled yet',
    valueOf(all, 'executedBy') ? 'executed by ' + valueOf(all, 'executedBy') : null].filter((fact) => fact);
  panel.appendChild(text('h4', facts.join(' · ')));
  if (rows == null) {
    panel.appendChild(text('p', 'This process instance has no checklist.', 'text-muted'));
    node.appendChild(panel);
    return;
  }
  const answered = rows.filter((row) => row.status).length;
  const issues = rows.filter((row) => row.status === 'issue').length;
  const summary = text('p', answered + ' of ' + rows.length + ' answered' + (issues ? ', ' + issues + ' with an issue' : ''));
  summary.className = 'mmc-checklist-summary';
  panel.appendChild(summary);
  const table = document.createElement('table');
  table.className = 'cam-table';
  const head = table.createTHead().insertRow();
  ['Item', 'Answer', 'Note'].forEach((title) => head.appendChild(text('th', title)));
  const body = table.createTBody();
  let group = null;
  rows.forEach((row) => {
    const heading = row.device + ' (' + row.deviceKind + ') · ' + row.section;
    if (heading !== group) {
      group = heading;
      const groupRow = body.insertRow();
      const cell = text('th', heading);
      cell.colSpan = 3;
      cell.style.background = '#f2f4f5';
      groupRow.appendChild(cell);
    }
    const line = body.insertRow();
    line.dataset.item = row.id;
    line.appendChild(text('td', row.text));
    const answer = text('td', row.status ? STATUS[row.status] + (row.markedInBulk ? ' (in bulk)' : '') : 'open');
    answer.style.color = COLOURS[row.status] || '#333';
    if (row.status === 'issue') { answer.style.fontWeight = 'bold'; }
    line.appendChild(answer);
    line.appendChild(text('td', row.note));
  });
  panel.appendChild(table);
  node.appendChild(panel);
}

export default {
  id: 'mmc.checklist.processInstance',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 30,
  properties: { label: 'Checklist' },
  render: (node, { api, processInstanceId }) => {
    variables(api, processInstanceId)
      .then((all) => render(node, all))
      .catch((error) => node.appendChild(text('p', 'The checklist could not be loaded: ' + error.message)));
  }
};
