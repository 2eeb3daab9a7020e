// Calls a CKAN site through the npm ckanapi client exactly as its README shows and prints one JSON line per
// call: {"action", "result"} on success, {"action", "error"} with the error object the client rejected with.
// Usage: node calls.mjs <site> <token or -> <action> <json payload> [<action> <json payload> ...]
import CkanApi from 'ckanapi'

const [site, token, ...pairs] = process.argv.slice(2)
const anonymous = new CkanApi.Portal(site)
const portal = token === '-' ? anonymous : anonymous.withToken(token)

for (let i = 0; i < pairs.length; i += 2) {
  const action = pairs[i]
  const payload = JSON.parse(pairs[i + 1])
  try {
    const result = await portal.action[action](Object.keys(payload).length ? payload : undefined)
    console.log(JSON.stringify({ action, result }))
  } catch (error) {
    console.log(JSON.stringify({ action, error }))
  }
}
