// Placeholder until the IDE lands.
const el = document.getElementById('ide');
if (el) el.textContent = 'GraphQL IDE';
