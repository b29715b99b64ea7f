// The signed-in app: what came while the user was away, notifications as they come, the
// permissions some features need, and the avatar's drop-down panel with Logout.
const PERMISSIONS = ['notifications', 'microphone'];
const WORDING = {call: 'Missed call from', message: 'Message from', invitation: 'Meeting invitation from'};
const describe = (event) => `${WORDING[event.kind]} ${event.from}: ${event.text}`;

const list = (id, events) => {
  const element = document.getElementById(id);
  element.replaceChildren(...events.map((event) => {
    const item = document.createElement('li');
    item.textContent = describe(event);
    return item;
  }));
};

const permissionsToAsk = async () => {
  const states = await Promise.all(PERMISSIONS.map((name) => navigator.permissions.query({name})));
  return states.some((status) => status.state === 'prompt');
};

const notify = (event) => {
  const item = document.createElement('li');
  item.textContent = describe(event).replace('Missed call', 'Incoming call');
  document.getElementById('notifications').append(item);
  if (Notification.permission === 'granted') {
    new Notification('Mitel One', {body: item.textContent});
  }
};

let events = null;

busyWhile(async () => {
  const answer = await fetch('/api/v1/me');
  if (!answer.ok) {
    location.assign('/login');
    return;
  }
  const me = await answer.json();
  if (!me.eula_accepted) {
    location.assign('/eula');
    return;
  }
  document.getElementById('avatar').textContent = me.name.split(' ').map((part) => part[0]).join('');
  document.getElementById('who').textContent = me.name;
  const inbox = await (await fetch('/api/v1/inbox')).json();
  for (const [id, found] of Object.entries(inbox)) {
    list(id, found);
  }
  show(document.getElementById('permissions'), await permissionsToAsk());
  events = new EventSource('/api/v1/events');
  for (const kind of Object.keys(WORDING)) {
    events.addEventListener(kind, (message) => notify(JSON.parse(message.data)));
  }
  navigator.serviceWorker.register('/sw.js');
});

document.getElementById('allow').addEventListener('click', () => {
  busyWhile(async () => {
    await Notification.requestPermission();
    try {
      (await navigator.mediaDevices.getUserMedia({audio: true})).getTracks().forEach((track) => track.stop());
    } catch {
      // refused or no microphone: the app asks again at the next login
    }
    show(document.getElementById('permissions'), await permissionsToAsk());
  });
});

document.getElementById('avatar').addEventListener('click', () => {
  const panel = document.getElementById('panel');
  panel.hidden = !panel.hidden;
});

document.getElementById('logout').addEventListener('click', () => {
  busyWhile(async () => {
    if (events) {
      events.close();
    }
    await fetch('/api/v1/logout', {method: 'POST'});
    location.assign('/');
  });
});
