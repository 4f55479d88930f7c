// Case handling: a handler finds a resident's case, takes it, moves it on
// with a note to the resident, and the resident sees it in My cases.
import { expect, test } from '@playwright/test';
import { expectAccessible, hasJs, mailsAbout, open } from './helpers';

test('a handler finds a case, takes it and moves it on; the resident sees it in My cases', async ({ page, browser }, testInfo) => {
  // A resident signed in sends a fault report.
  await open(page, testInfo, '/my-cases');
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('radio', { name: /Jeanne Dupont/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page).toHaveURL(/\/my-cases$/);
  await open(page, testInfo, '/services/fault-report/form');
  await page.getByLabel('Klotter').check();
  await page.getByLabel('Var finns felet?').fill('Parkvägen 2');
  await page.getByLabel('Beskriv felet').fill('Klotter på busskuret.');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/services\/fault-report\/check$/);
  await page.getByRole('button', { name: 'Skicka' }).click();
  await expect(page).toHaveURL(/\/receipts\/[0-9a-f]{32}$/);
  const reference = (await page.locator('.reference').textContent()) ?? '';

  // The handler, in a browser of their own.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: hasJs(testInfo),
    locale: 'sv-SE',
  });
  const staff = await context.newPage();
  await open(staff, testInfo, '/staff/signin');
  await staff.getByLabel('Användarnamn').fill('handlaggare');
  await staff.getByLabel('Lösenord').fill('demo-handlaggare-2026');
  await staff.getByRole('button', { name: 'Logga in', exact: true }).click();
  await staff.getByRole('link', { name: 'Ärenden att handlägga' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Ärenden');
  await expectAccessible(staff, testInfo);
  await staff.getByLabel('Ärendenummer eller sökandens namn').fill('Jeanne');
  await staff.getByRole('search').getByLabel('E-tjänst').selectOption({ label: 'Felanmälan – gata och park' });
  await staff.getByRole('button', { name: 'Visa ärenden' }).click();
  await expect(staff).toHaveURL(/q=Jeanne/);
  const row = staff.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Jeanne Dupont');
  await expect(row).toContainText('Mottaget');
  await expectAccessible(staff, testInfo);

  await row.getByRole('link', { name: reference }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(`Ärende ${reference}`);
  await expect(staff.getByRole('definition').filter({ hasText: 'Klotter på busskuret.' })).toBeVisible();
  await expectAccessible(staff, testInfo);
  await staff.getByRole('button', { name: 'Ta ärendet' }).click();
  await expect(staff.getByRole('button', { name: 'Släpp ärendet' })).toBeVisible();
  // A note too long for the resident comes back with what was typed.
  await staff.getByLabel('Ny status').selectOption({ label: 'Under handläggning' });
  await staff.getByLabel('Meddelande till den sökande (valfritt)').fill('x'.repeat(5001));
  await staff.getByRole('button', { name: 'Ändra status' }).click();
  await expect(staff.getByRole('alert')).toContainText('Meddelandet får vara högst');
  await expect(staff.getByLabel('Meddelande till den sökande (valfritt)')).toHaveValue('x'.repeat(5001));
  await expectAccessible(staff, testInfo);
  await staff.getByLabel('Ny status').selectOption({ label: 'Under handläggning' });
  await staff.getByLabel('Meddelande till den sökande (valfritt)').fill('Vi tvättar bort det i veckan.');
  await staff.getByRole('button', { name: 'Ändra status' }).click();
  await expect(staff.getByText('Status: Under handläggning')).toBeVisible();
  await staff.getByLabel('Anteckning', { exact: true }).fill('Beställt hos entreprenören.');
  await staff.getByRole('button', { name: 'Spara anteckningen' }).click();
  await expect(staff.getByText('Beställt hos entreprenören.')).toBeVisible();
  await expectAccessible(staff, testInfo);
  await context.close();

  // The resident sees the new status and the message, not the note.
  await open(page, testInfo, '/my-cases');
  const item = page.locator('.case-list__item').filter({ hasText: reference });
  await expect(item).toContainText('Under handläggning');
  await expect(item).toContainText('Ett nytt meddelande');
  await item.getByRole('link').click();
  await expect(page.locator('.message--staff')).toContainText('Vi tvättar bort det i veckan.');
  await expect(page.locator('.message--staff')).toContainText('Nytt');
  await expect(page.getByText('Beställt hos entreprenören.')).toHaveCount(0);
  await expectAccessible(page, testInfo);
});

test('a handler asks for completion, the resident answers with a file, and the case is decided and closed', async ({ page, browser }, testInfo) => {
  // A resident signed in reports a fault, with an e-mail address for news.
  await open(page, testInfo, '/my-cases');
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  await page.getByRole('radio', { name: /Jeanne Dupont/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page).toHaveURL(/\/my-cases$/);
  await open(page, testInfo, '/services/fault-report/form');
  await page.getByLabel('Gatubelysning', { exact: true }).check();
  await page.getByLabel('Var finns felet?').fill('Parkvägen 4');
  await page.getByLabel('Beskriv felet').fill('Lampan blinkar.');
  await page.getByLabel('Din e-postadress').fill('jeanne@example.com');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/services\/fault-report\/check$/);
  await page.getByRole('button', { name: 'Skicka' }).click();
  await expect(page).toHaveURL(/\/receipts\/[0-9a-f]{32}$/);
  const reference = (await page.locator('.reference').textContent()) ?? '';

  // The handler asks for a photo.
  const context = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: hasJs(testInfo),
    locale: 'sv-SE',
  });
  const staff = await context.newPage();
  await open(staff, testInfo, '/staff/signin');
  await staff.getByLabel('Användarnamn').fill('handlaggare');
  await staff.getByLabel('Lösenord').fill('demo-handlaggare-2026');
  await staff.getByRole('button', { name: 'Logga in', exact: true }).click();
  await open(staff, testInfo, `/staff/cases/${reference}`);
  await staff.getByLabel('Vad behöver den sökande komplettera?').fill('Skicka ett foto av lyktstolpen med numret.');
  await staff.getByLabel('Den sökande får skicka filer med svaret').check();
  await staff.getByRole('button', { name: 'Be om komplettering' }).click();
  await expect(staff.getByText('Status: Väntar på komplettering')).toBeVisible();
  await expect(staff.getByText('Den sökande har inte svarat på den senaste begäran')).toBeVisible();
  await expectAccessible(staff, testInfo);

  // The resident sees the request in My cases and answers it, first with
  // nothing (said, at the top and at the field), then with a photo.
  await open(page, testInfo, '/my-cases');
  const item = page.locator('.case-list__item').filter({ hasText: reference });
  await expect(item).toContainText('Väntar på komplettering');
  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Handläggaren ber dig komplettera ärendet' })).toBeVisible();
  await expect(page.getByText('Skicka ett foto av lyktstolpen med numret.').first()).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Skicka kompletteringen' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv ett svar eller välj en fil.');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Ditt svar').fill('Stolpen har nummer 4711.');
  await page.getByLabel('Filer (valfritt)').setInputFiles({
    name: 'stolpe.png',
    mimeType: 'image/png',
    buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  });
  await page.getByRole('button', { name: 'Skicka kompletteringen' }).click();
  await expect(page.locator('.message').filter({ hasText: 'Din komplettering' })).toContainText('Stolpen har nummer 4711.');
  await expect(page.getByRole('link', { name: 'stolpe.png' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Handläggaren ber dig komplettera ärendet' })).toHaveCount(0);

  // The handler sees the answer and its photo, decides, and closes.
  await open(staff, testInfo, `/staff/cases/${reference}`);
  await expect(staff.getByText('Komplettering från den sökande')).toBeVisible();
  await expect(staff.getByText('Stolpen har nummer 4711.')).toBeVisible();
  await expect(staff.getByRole('link', { name: 'stolpe.png' })).toBeVisible();
  await expect(staff.getByText('Status: Under handläggning')).toBeVisible();
  await staff.getByLabel('Ny status').selectOption({ label: 'Beviljat' });
  await staff.getByLabel('Meddelande till den sökande (valfritt)').fill('Lampan byts på torsdag.');
  await staff.getByRole('button', { name: 'Ändra status' }).click();
  await expect(staff.getByText('Status: Beviljat')).toBeVisible();
  await staff.getByLabel('Ny status').selectOption({ label: 'Avslutat' });
  await staff.getByRole('button', { name: 'Ändra status' }).click();
  await expect(staff.getByText('Status: Avslutat')).toBeVisible();
  await expectAccessible(staff, testInfo);
  await context.close();

  // Every step in My cases, in order, and in the mail.
  await open(page, testInfo, `/my-cases/${reference}`);
  const steps = await page.locator('.timeline__title').allTextContents();
  expect(steps).toEqual(['Mottaget', 'Väntar på komplettering', 'Under handläggning', 'Beviljat', 'Avslutat']);
  await expect(page.locator('.message--staff').filter({ hasText: 'Lampan byts på torsdag.' })).toBeVisible();
  await expectAccessible(page, testInfo);
  await expect.poll(() => mailsAbout(reference).length).toBe(4);
  const mails = mailsAbout(reference);
  expect(mails[0]).toContain('Parkvägen 4');
  expect(mails[1]).toContain(`Handläggaren ber dig komplettera ärende ${reference}.`);
  expect(mails[2]).toContain('Beviljat');
  expect(mails[3]).toContain('Avslutat');
  for (const mail of mails.slice(1)) {
    expect(mail).not.toContain('4711');
    expect(mail).toContain(`/my-cases/${reference}`);
  }
});
