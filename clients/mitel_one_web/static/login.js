// The Mitel user login page: the user name (e-mail or UPN) and, when prompted, the Account
// Number; then the sign-in method: Single Sign On where configured, or the Mitel account password.
const accountNumber = () => document.getElementById('account-number').value.trim();
const userName = () => document.getElementById('username').value.trim();
const identify = () => post('/api/v1/login/identify', {username: userName(), account_number: accountNumber()});

document.getElementById('user').addEventListener('submit', (event) => {
  event.preventDefault();
  busyWhile(async () => {
    const answer = await identify();
    const body = await answer.json();
    if (!answer.ok) {
      show(document.getElementById('account'), true); // the name is in several accounts: prompt
      say(body.message);
      return;
    }
    show(document.getElementById('user'), false);
    show(document.getElementById('method'), true);
    show(document.getElementById('sso'), body.methods.includes('sso'));
    say('');
  });
});

document.getElementById('password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  busyWhile(async () => {
    const password = document.getElementById('password').value;
    const {email, account_id} = await (await identify()).json();
    const token = await post(`${CLOUDLINK_API}/token`, {
      grant_type: 'password', username: email, password, account_id, client_id: CLIENT_ID,
    });
    if (!token.ok) {
      const {error_description: message} = await token.json(); // RFC 6749 §5.2
      say(message || 'The password is not correct. Try again.');
      return;
    }
    const {access_token} = await token.json();
    if (!await openSession(access_token)) {
      say('Mitel One could not open your session. Try again.');
    }
  });
});

// Single Sign On: to CloudLink, which sends the user on to the company's SSO provider;
// authorization code with PKCE (S256), state and nonce, finished by /sso/callback.
const randomText = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const s256 = async (text) => btoa(String.fromCharCode(...new Uint8Array(
  await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)),
))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

document.getElementById('sso').addEventListener('click', () => {
  busyWhile(async () => {
    const {email} = await (await identify()).json();
    const sso = {verifier: randomText(), state: randomText(), nonce: randomText()};
    sessionStorage.setItem('sso', JSON.stringify(sso));
    const query = new URLSearchParams({
      client_id: CLIENT_ID, redirect_uri: SSO_CALLBACK, response_type: 'code', scope: 'openid',
      code_challenge: await s256(sso.verifier), code_challenge_method: 'S256',
      state: sso.state, nonce: sso.nonce, login_hint: email, idp: 'enterprise',
    });
    location.assign(`${CLOUDLINK_LOGIN}?${query}`);
  });
});
