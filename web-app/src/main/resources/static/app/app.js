import { initAll } from '/govuk/govuk-frontend.min.js'

initAll()

// The time-out warning: shortly before the session ends, offer to stay signed in. Staying posts to
// /session/keep-alive (which extends the session) without leaving the page, so nothing typed is lost.
const dialog = document.getElementById('timeout-dialog')
if (dialog && typeof dialog.showModal === 'function') {
  const sessionSeconds = Number(dialog.dataset.sessionSeconds)
  const warningSeconds = Number(dialog.dataset.warningSeconds)
  const minutes = dialog.querySelector('.app-timeout-minutes')
  let timer

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(warn, Math.max(0, sessionSeconds - warningSeconds) * 1000)
  }
  const warn = () => {
    const left = Math.max(1, Math.round(warningSeconds / 60))
    minutes.textContent = left === 1 ? '1 minute' : left + ' minutes'
    dialog.showModal()
    document.getElementById('stay-signed-in').focus()
  }
  dialog.querySelector('form').addEventListener('submit', async (event) => {
    event.preventDefault()
    const form = event.target
    const response = await fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
    if (response.ok) {
      dialog.close()
      schedule()
    } else {
      window.location.reload()
    }
  })
  schedule()
}
