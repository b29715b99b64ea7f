// Reset your Password: CloudLink e-mails a link and a six-digit code; its page sets the new one.
document.getElementById('reset').addEventListener('submit', (event) => {
  event.preventDefault();
  busyWhile(async () => {
    const username = document.getElementById('email').value.trim();
    const answer = await post(`${CLOUDLINK_API}/password/reset`, {username, client_id: CLIENT_ID});
    show(document.getElementById('sent'), answer.ok);
    say(answer.ok ? '' : 'The reset could not be sent. Try again.');
  });
});
