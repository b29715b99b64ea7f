// Back from Single Sign On: the code for a CloudLink token (with the PKCE verifier), then the
// Mitel One session. Any failure: the user is told to contact the IT administrator.
const SSO_FAILED = 'You could not sign in with Single Sign On. Contact your IT administrator.';

busyWhile(async () => {
  const answer = new URLSearchParams(location.search);
  const sso = JSON.parse(sessionStorage.getItem('sso') || '{}');
  sessionStorage.removeItem('sso');
  if (answer.get('error') || !answer.get('code') || answer.get('state') !== sso.state) {
    say(SSO_FAILED);
    return;
  }
  const token = await post(`${CLOUDLINK_API}/token`, {
    grant_type: 'authorization_code', code: answer.get('code'), code_verifier: sso.verifier,
    client_id: CLIENT_ID, redirect_uri: SSO_CALLBACK,
  });
  if (!token.ok || !await openSession((await token.json()).access_token)) {
    say(SSO_FAILED);
  }
});
