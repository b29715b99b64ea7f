// The Web Client once logged on: User Profile > Settings > General > Self Deployment shows the
// QR code of a fresh deployment; clicking the QR code offers Open MiCollab, the same deployment,
// which the operating system hands to the MiCollab Client (PC or MAC) running in the background.
const API = '/ucs/micollab/api';
const $ = (id) => document.getElementById(id);

const post = (path) => fetch(API + path, {method: 'POST'});

(async () => {
  const answer = await fetch(API + '/me');
  if (!answer.ok) {
    location.assign('/ucs/micollab/');
    return;
  }
  $('who').textContent = (await answer.json()).display_name;
})();

$('user-profile').addEventListener('click', () => {
  $('profile-menu').hidden = !$('profile-menu').hidden;
});

$('open-settings').addEventListener('click', () => {
  $('profile-menu').hidden = true;
  $('settings').hidden = false;
});

for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => {
    for (const panel of document.querySelectorAll('[role=tabpanel]')) {
      panel.hidden = panel.id !== tab.getAttribute('aria-controls');
    }
  });
}

$('open-self-deployment').addEventListener('click', async () => {
  const section = $('self-deployment');
  section.setAttribute('aria-busy', 'true');
  section.hidden = false;
  $('open-micollab').hidden = true;
  const deployment = await (await post('/self-deployment')).json();
  $('qr-image').src = deployment.qr_code;
  $('open-micollab').href = deployment.link;
  section.setAttribute('aria-busy', 'false');
});

$('qr-code').addEventListener('click', () => {
  $('open-micollab').hidden = false;
});

$('log-off').addEventListener('click', async () => {
  await post('/logoff');
  location.assign('/ucs/micollab/');
});
