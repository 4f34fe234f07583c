// MMC Cycle: the product's own pages in Cockpit's header (same session: no second login)
export default [
  {
    id: 'mmc.cycleBoard',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: { label: 'Cycle board' },
    checkActive: () => false,
    render: (node) => {
      node.innerHTML = '<a href="/mmc/" id="mmc-cycle-board-link">Cycle board</a>';
    }
  }
];
