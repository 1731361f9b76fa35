// Blazor loads this module itself (a JS initializer served by the console), so the Content-Security-Policy needs no
// inline script. It gives the alert wall, a TV nobody stands at, what a person would otherwise do: it keeps trying to
// reconnect instead of giving up, shows when the live link dropped and when it came back, and once the circuit cannot be
// resumed (an app restart or deploy, a cut longer than the server keeps circuits) reloads the page, with back-off, as
// soon as the console answers again. Other pages keep Blazor's own reconnection.

const wallPath = '/wall';
const reloadsKey = 'opsconsole.wall.reloads';
const reloadedKey = 'opsconsole.wall.reloadedAfterLoss';
const backShownFor = 15000;
const stableAfter = 60000;

const isWall = () => location.pathname.toLowerCase() === wallPath;

// Blazor's own schedule for every other page: ten quick tries, then every 5 s, then every 30 s, 30 in all.
const pageDelay = attempt => attempt >= 30 ? null : attempt < 10 ? 0 : attempt < 20 ? 5000 : 30000;
// The wall tries at once, then every 1, 2, 4 and at most 5 s, for as long as it takes.
const wallDelay = attempt => attempt === 0 ? 0 : Math.min(1000 * 2 ** (attempt - 1), 5000);

export function beforeWebStart(options) {
    options.circuit = options.circuit ?? {};
    options.circuit.reconnectionOptions = {
        ...(options.circuit.reconnectionOptions ?? {}),
        maxRetries: undefined,
        retryIntervalMilliseconds: attempt => (isWall() ? wallDelay(attempt) : pageDelay(attempt)),
    };
}

export function afterWebStarted() {
    if (!isWall())
        return;
    // A page that stays up a minute was a good reload: the next loss starts its back-off afresh. One whose circuit fails
    // again at once keeps counting, so a wall that cannot come up waits longer between reloads.
    setTimeout(() => sessionStorage.removeItem(reloadsKey), stableAfter);
    backAfterReload();
}

const clock = () => new Date().toISOString().substring(11, 19);
const banner = () => document.getElementById('components-reconnect-modal');
let lostAt = null;
let backTimer = null;
let reloading = false;

// The event is sent to the banner and does not bubble, but a capturing listener on the document hears it first.
document.addEventListener('components-reconnect-state-changed', event => {
    if (!isWall() || !(event.target instanceof HTMLElement))
        return;
    const target = event.target;
    switch (event.detail?.state) {
        case 'show':
        case 'retrying':
            linkDown(target);
            break;
        case 'hide':
            linkBack(target);
            break;
        case 'rejected':
        case 'failed':
        case 'resume-failed':
            linkDown(target);
            reloadWhenReady();
            break;
    }
}, true);

function linkDown(target) {
    clearTimeout(backTimer);
    target.classList.remove('wall-link-back');
    if (lostAt === null) {
        lostAt = clock();
        target.querySelector('[data-wall-lost-at]').textContent = lostAt;
    }
}

function linkBack(target) {
    lostAt = null;
    target.querySelector('[data-wall-back-at]').textContent = clock();
    target.classList.add('wall-link-back');
    clearTimeout(backTimer);
    backTimer = setTimeout(() => target.classList.remove('wall-link-back'), backShownFor);
}

// A wall that reloaded itself says so as one that reconnected does. The live render replaces the prerendered banner once,
// so the mark is put on whichever banner is there, until the notice has been shown its time.
function backAfterReload() {
    if (sessionStorage.getItem(reloadedKey) === null)
        return;
    sessionStorage.removeItem(reloadedKey);
    const backAt = clock();
    const mark = () => {
        const target = banner();
        if (target && !target.classList.contains('wall-link-back')) {
            target.querySelector('[data-wall-back-at]').textContent = backAt;
            target.classList.add('wall-link-back');
        }
    };
    mark();
    const replaced = new MutationObserver(mark);
    replaced.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => {
        replaced.disconnect();
        banner()?.classList.remove('wall-link-back');
    }, backShownFor);
}

// Reloads only once the console says it is ready, so the TV never lands on the browser's own error page: it asks every
// 1, 2, 4, at most 5 s while the console is away, and then reloads after a pause that doubles with each reload in a row
// that did not bring the wall back (1 s, 2 s … at most 60 s), spread so that many walls do not return at one moment.
async function reloadWhenReady() {
    if (reloading)
        return;
    reloading = true;
    const spread = ms => ms * (0.8 + Math.random() * 0.4);
    const sleep = ms => new Promise(resolve => setTimeout(resolve, spread(ms)));
    for (let asked = 0; !(await ready()); asked++)
        await sleep(Math.min(1000 * 2 ** asked, 5000));
    const reloads = Number(sessionStorage.getItem(reloadsKey) ?? 0);
    sessionStorage.setItem(reloadsKey, String(reloads + 1));
    await sleep(Math.min(1000 * 2 ** reloads, 60000));
    sessionStorage.setItem(reloadedKey, 'true');
    location.reload();
}

async function ready() {
    try {
        return (await fetch('/readyz', { cache: 'no-store', credentials: 'same-origin' })).ok;
    } catch {
        return false;
    }
}
