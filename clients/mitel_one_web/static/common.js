// What every page of the app shares: showing, saying, posting JSON, and marking the page busy
// (aria-busy) while it answers the user, so assistive technology and test drivers know when it is done.
const show = (element, shown) => { element.hidden = !shown; };
const say = (message) => {
  const error = document.getElementById('error');
  error.textContent = message;
  show(error, !!message);
};
const post = (path, body) => fetch(path, {
  method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body),
});
const busyWhile = async (work) => {
  const main = document.querySelector('main');
  main.setAttribute('aria-busy', 'true');
  try {
    await work();
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
};

// CloudLink, where every Mitel account signs in: the password and the SSO code go there only.
const CLOUDLINK_API = 'https://authentication.api.mitel.io/2017-09-01';
const CLOUDLINK_LOGIN = 'https://auth.mitel.io/authorize';
const CLIENT_ID = 'mitel-one-web';
const SSO_CALLBACK = `${location.origin}/sso/callback`;

// A CloudLink token opens the Mitel One session; the EULA comes first at the user's first login.
const openSession = async (cloudlinkToken) => {
  const session = await post('/api/v1/session', {cloudlink_token: cloudlinkToken});
  if (!session.ok) {
    return false;
  }
  const {eula_accepted} = await session.json();
  location.assign(eula_accepted ? '/home' : '/eula');
  return true;
};
