// MMC Cycle: the product's own pages in Tasklist's header (same session: no second login)
export default [
  {
    id: 'mmc.cycleBoard',
    pluginPoint: 'tasklist.navbar.action',
    priority: 100,
    render: (node) => {
      node.innerHTML = '<a href="/mmc/" id="mmc-cycle-board-link" title="Every client\'s jobs of the month, the archive, the compliance report">'
        + '<span class="glyphicon glyphicon-th-list"></span> Cycle board</a>';
    }
  }
];
