// The log-on page: the Login ID and the password of the MiCollab welcome e-mail.
const MESSAGES = {
  401: 'Invalid username or password',
  423: 'Your account is locked. Try again later.',
};

document.getElementById('logon').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = document.getElementById('login-id').value.trim();
  const password = document.getElementById('password').value;
  const answer = await fetch('/ucs/micollab/api/logon', {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({username, password}),
  });
  if (!answer.ok) {
    const error = document.getElementById('error');
    error.textContent = MESSAGES[answer.status] || 'MiCollab Web Client could not log you on. Try again.';
    error.hidden = false;
    return;
  }
  location.assign('/ucs/micollab/home');
});
