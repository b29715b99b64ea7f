// The EULA, at the user's first login only: CONFIRM is possible once the check box is selected.
const accept = document.getElementById('accept');
const confirmButton = document.getElementById('confirm');

// The agreement itself, as the Mitel One platform serves it to every client type.
busyWhile(async () => {
  const agreement = await (await fetch('/api/v1/eula')).json();
  document.getElementById('agreement-title').textContent = agreement.title;
  document.getElementById('agreement-text').textContent = agreement.text;
});

accept.addEventListener('change', () => { confirmButton.disabled = !accept.checked; });

confirmButton.addEventListener('click', () => {
  busyWhile(async () => {
    const answer = await post('/api/v1/eula', {accepted: accept.checked});
    if (answer.ok) {
      location.assign('/home');
    } else {
      say((await answer.json()).message);
    }
  });
});
