// MMC Cycle: where the monthly cycle waits, for the process owner in Cockpit. Figures per job from the
// cycle's job records (GET /api/metrics/bottlenecks, the Cockpit session): how long a job's task is open
// until done (median, 90th percentile) over the last six months, how many were late, how many are
// overdue now. Shown on the dashboard and on the client cycle's diagram.
const CYCLE_TASK = 'Task_ExecuteChecklist';

function duration(millis) {
  if (millis == null) { return '–'; }
  const hours = millis / 3600000;
  if (hours < 1) { return Math.max(1, Math.round(millis / 60000)) + ' min'; }
  return hours < 48 ? hours.toFixed(1) + ' h' : (hours / 24).toFixed(1) + ' d';
}

function figures() {
  return fetch('/api/metrics/bottlenecks?months=6', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) { throw new Error('status ' + response.status); }
      return response.json();
    });
}

function cell(row, tag, value) {
  const element = document.createElement(tag);
  element.textContent = value == null ? '' : String(value);
  row.appendChild(element);
  return element;
}

export default [
  {
    id: 'mmc.bottlenecks.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node) => {
      const panel = document.createElement('section');
      panel.id = 'mmc-bottlenecks';
      panel.innerHTML = '<h3 class="section-title">Client cycle: where it waits</h3>'
        + '<p class="text-muted">Per job, over the last six months, from the cycle\'s job records: time from the task\'s creation to its completion, late jobs, and what is overdue now.</p>';
      const table = document.createElement('table');
      table.className = 'cam-table';
      const head = table.createTHead().insertRow();
      ['Job', 'Done', 'Median', '90 %', 'Late', 'Open now', 'Overdue now'].forEach((title) => cell(head, 'th', title));
      const body = table.createTBody();
      panel.appendChild(table);
      node.appendChild(panel);
      figures().then((report) => {
        report.jobs.forEach((job) => {
          const row = body.insertRow();
          row.dataset.job = job.job;
          [job.label, job.done, duration(job.medianMillis), duration(job.p90Millis), job.late, job.openNow, job.overdueNow]
            .forEach((value) => cell(row, 'td', value));
          if (job.overdueNow > 0) { row.lastChild.style.color = '#b5152b'; row.lastChild.style.fontWeight = 'bold'; }
        });
      }).catch((error) => {
        panel.appendChild(document.createTextNode('The figures could not be loaded: ' + error.message));
      });
    }
  },
  {
    id: 'mmc.bottlenecks.diagram',
    pluginPoint: 'cockpit.processDefinition.diagram.plugin',
    priority: 10,
    render: (viewer) => {
      const registry = viewer.get('elementRegistry');
      if (!registry.get(CYCLE_TASK)) { return; } // not the client cycle
      const overlays = viewer.get('overlays');
      figures().then((report) => {
        report.jobs.forEach((job) => {
          if (!registry.get(job.taskDefinitionKey)) { return; }
          const badge = document.createElement('div');
          badge.className = 'mmc-bottleneck';
          badge.dataset.job = job.job;
          badge.title = job.label + ': ' + job.done + ' done in the last six months, ' + job.late + ' late';
          badge.textContent = 'median ' + duration(job.medianMillis) + ' · 90% ' + duration(job.p90Millis) + ' · overdue ' + job.overdueNow;
          badge.style.cssText = 'background:' + (job.overdueNow > 0 ? '#b5152b' : '#37474f') + ';color:#fff;font-size:11px;'
            + 'padding:1px 5px;border-radius:3px;white-space:nowrap;';
          overlays.add(job.taskDefinitionKey, 'mmc-bottleneck', { position: { bottom: 4, left: 0 }, html: badge });
        });
      });
    }
  }
];
