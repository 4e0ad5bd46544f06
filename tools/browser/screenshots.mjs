// Takes the README's screenshots from a running demo portal: node screenshots.mjs <base url> <output folder>.
// Chromium comes from Debian (chromium-headless-shell, which scripts/test.sh installs); playwright-core drives it.
import { chromium } from 'playwright-core';

const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium-headless-shell',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
const interactive = () => page.locator("main[data-interactive='true']").waitFor();

async function signIn(email, password) {
  await page.goto(`${base}/account/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await interactive();
}

async function shoot(name, path, act) {
  await page.goto(`${base}${path}`);
  await interactive();
  if (act) await act();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/${name}.png` });
  console.log(`${out}/${name}.png`);
}

await signIn('superuser@portal.local', 'Superuser#2026');
// The survey banner would open every picture: dismiss it for this demo account.
await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
await shoot('dashboard', '/');
await shoot('message-runs-dry-run', '/messaging', async () => {
  // A dry run is the page's default: the button says Preview.
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByLabel('Who would get what', { exact: true }).waitFor({ timeout: 60000 });
});
await shoot('course-reset', '/support/course-reset/history');
await shoot('upgrade-deadline-explainer', '/schedules/deadlines', async () => {
  const course = page.getByLabel('Course key', { exact: true });
  await course.fill('course-v1:');
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await page.locator('.portal-explanation').first().waitFor({ timeout: 15000 });
});
await shoot('metrics', '/metrics');
await browser.close();
