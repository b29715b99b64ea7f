// The signed-in app: the avatar opens a drop-down panel with Logout.
(async () => {
  const answer = await fetch('/api/v1/me');
  if (!answer.ok) {
    location.assign('/login');
    return;
  }
  const me = await answer.json();
  document.getElementById('avatar').textContent = me.name.split(' ').map((part) => part[0]).join('');
  document.getElementById('who').textContent = me.name;
})();

document.getElementById('avatar').addEventListener('click', () => {
  const panel = document.getElementById('panel');
  panel.hidden = !panel.hidden;
});

document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/api/v1/logout', {method: 'POST'});
  location.assign('/');
});
