// Placeholder until the dashboard lands.
const el = document.getElementById('dashboard');
if (el) el.textContent = 'Dashboard';
