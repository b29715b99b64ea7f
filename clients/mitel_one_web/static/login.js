// The Mitel user login page: the user name (e-mail or UPN), then the sign-in method.
const show = (element, shown) => { element.hidden = !shown; };
const say = (message) => { const error = document.getElementById('error'); error.textContent = message; show(error, !!message); };
const post = (path, body) => fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});

document.getElementById('user').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = document.getElementById('username').value.trim();
  const answer = await post('/api/v1/login/identify', {username});
  const {methods} = await answer.json();
  show(document.getElementById('user'), false);
  show(document.getElementById('method'), true);
  show(document.getElementById('sso'), methods.includes('sso'));
  say('');
});

// The Mitel account is a CloudLink account: the password goes to CloudLink only, and Mitel One
// opens a session for the CloudLink token.
const CLOUDLINK_TOKEN = 'https://authentication.api.mitel.io/2017-09-01/token';

document.getElementById('password-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = document.getElementById('username').value.trim();
  const password = document.getElementById('password').value;
  const {email} = await (await post('/api/v1/login/identify', {username})).json();
  const token = await post(CLOUDLINK_TOKEN, {grant_type: 'password', username: email, password, client_id: 'mitel-one-web'});
  if (!token.ok) {
    const {message} = await token.json();
    say(message || 'The password is not correct. Try again.');
    return;
  }
  const {access_token} = await token.json();
  const session = await post('/api/v1/session', {cloudlink_token: access_token});
  if (session.ok) {
    location.assign('/home');
  } else {
    say('Mitel One could not open your session. Try again.');
  }
});
