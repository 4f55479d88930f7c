// The resident's thin slice: catalogue, form, errors, receipt, language.
import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible, hasJs, open, settle, signIn } from './helpers';

test('the start page lists the demo services by topic', async ({ page }, testInfo) => {
  const response = await open(page, testInfo, '/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vad vill du göra?');
  const parking = page.getByRole('region', { name: 'Parkering och gator' });
  await expect(parking.getByRole('link', { name: 'Felanmälan – gata och park' })).toBeVisible();
  await expect(parking.getByRole('link', { name: 'Boendeparkering' })).toBeVisible();
  // A service with two topics is found under both.
  await expect(page.getByRole('region', { name: 'Förskola och skola' }).getByRole('link')).toHaveText(
    'Ansök om förskoleplats',
  );
  const family = page.getByRole('region', { name: 'Familj och livshändelser' });
  await expect(family.getByRole('link', { name: 'Ansök om förskoleplats' })).toBeVisible();
  await expect(family.getByRole('link', { name: 'Boka borgerlig vigsel' })).toBeVisible();
  await expectAccessible(page, testInfo);
});

test('a person finds a service by searching', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');
  await page.getByRole('searchbox', { name: 'Sök bland e-tjänsterna' }).fill('förskola');
  await page.getByRole('button', { name: 'Sök' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('En e-tjänst matchar ”förskola”');
  await expect(page.getByRole('searchbox')).toHaveValue('förskola');
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Ansök om förskoleplats' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansök om förskoleplats');
});

test('a resident sends a fault report and gets a receipt, after fixing errors', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');
  await page.getByRole('link', { name: 'Felanmälan – gata och park' }).click();
  // The service's start page says what to expect, then leads in.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Felanmälan – gata och park');
  await expect(page.getByText('Du behöver inte logga in.')).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Starta e-tjänsten' }).click();
  await expect(page).toHaveURL(/\/services\/fault-report\/form$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Om felet');
  await expect(page.getByText('Felanmälan – gata och park', { exact: true })).toBeVisible();
  await expect(page.getByText('Steg 1 av 1')).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);

  // A wrong e-mail address and nothing else: every error at once.
  await page.getByLabel('Din e-postadress (valfritt)').fill('anna@');
  // Posts of the page itself; leaving a field also saves the draft
  // (/api/autosave), which is not sending the page.
  const isPagePost = (method: string, url: string) => method === 'POST' && !url.endsWith('/api/autosave');
  const posts: string[] = [];
  page.on('request', (r) => {
    if (isPagePost(r.method(), r.url())) posts.push(r.url());
  });
  const sent = page.waitForResponse((r) => isPagePost(r.request().method(), r.url())).catch(() => null);
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading')).toHaveText('Det finns ett problem');
  const links = summary.getByRole('link');
  await expect(links).toHaveText([
    'Välj ett alternativ för ”Vad gäller felet?”.',
    'Fyll i ”Var finns felet?”.',
    'Fyll i ”Beskriv felet”.',
    'Skriv en e-postadress i rätt format för ”Din e-postadress”, till exempel namn@exempel.se.',
  ]);
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fel: Om felet – Felanmälan/);
  if (hasJs(testInfo)) {
    // The engine ran in the browser: nothing was posted.
    expect(posts).toEqual([]);
  } else {
    const response = await sent;
    expect(response?.status()).toBe(422);
  }
  // What was typed is kept, and each summary link leads to its field.
  await expect(page.getByLabel('Din e-postadress (valfritt)')).toHaveValue('anna@');
  await expect(page.getByLabel('Var finns felet?')).toHaveAttribute('aria-invalid', 'true');
  await links.nth(1).click();
  await expect(page.getByLabel('Var finns felet?')).toBeFocused();
  await expectAccessible(page, testInfo);

  await page.getByLabel('Potthål eller skadad beläggning').check();
  await page.getByLabel('Var finns felet?').fill('Storgatan 12');
  await page.getByLabel('Beskriv felet').fill('Ett djupt hål i cykelbanan.');
  await page.getByLabel('Din e-postadress (valfritt)').fill('anna@example.se');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

  // Check your answers, change one, and come back to the summary.
  await expect(page).toHaveURL(/\/services\/fault-report\/check$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera dina svar innan du skickar');
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Ändra Var finns felet?' }).click();
  await expect(page).toHaveURL(/\/form\/fault\?return=check#f-location$/);
  await settle(page, testInfo);
  await expect(page.getByLabel('Var finns felet?')).toHaveValue('Storgatan 12');
  await page.getByLabel('Var finns felet?').fill('Storgatan 14');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/services\/fault-report\/check$/);
  await expect(page.getByRole('definition').filter({ hasText: 'Storgatan 14' })).toBeVisible();
  await settle(page, testInfo);
  await page.getByRole('button', { name: 'Skicka' }).click();

  await expect(page).toHaveURL(/\/receipts\/[0-9a-f]{32}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din ansökan är skickad');
  await expect(page.locator('.reference')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByText('Vi har tagit emot ”Felanmälan – gata och park”')).toBeVisible();
  // The answers as sent, from the engine's summary.
  await expect(page.getByRole('heading', { name: 'Dina svar' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Ett djupt hål i cykelbanan.' })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);

  // The one-question survey: without an answer it says so, then it thanks.
  await page.getByRole('button', { name: 'Skicka synpunkter' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText('Välj hur lätt eller svårt det var.');
  // Drawn at the address it was posted to.
  await settle(page, testInfo);
  await page.getByLabel('Ganska lätt').check();
  await page.getByRole('button', { name: 'Skicka synpunkter' }).click();
  await expect(page.getByText('Tack för dina synpunkter!')).toBeVisible();
  await expectAccessible(page, testInfo);
});

test('the whole journey works with the keyboard alone', async ({ page }, testInfo) => {
  // Moves focus forward with Tab until `target` has it, as a keyboard user would.
  const tabTo = async (target: Locator) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error(`Tab never reached ${target}`);
  };
  await open(page, testInfo, '/');
  await tabTo(page.getByRole('link', { name: 'Felanmälan – gata och park' }).first());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Felanmälan – gata och park');
  await settle(page, testInfo);
  await tabTo(page.getByRole('link', { name: 'Starta e-tjänsten' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/form$/);
  await settle(page, testInfo);
  // Tab enters a group of radios at its first; the arrow keys choose.
  await tabTo(page.getByLabel('Gatubelysning'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Potthål eller skadad beläggning')).toBeChecked();
  await tabTo(page.getByLabel('Var finns felet?'));
  await page.keyboard.type('Storgatan 12');
  await tabTo(page.getByLabel('Beskriv felet'));
  await page.keyboard.type('Ett hål vid övergångsstället.');
  await tabTo(page.getByRole('button', { name: 'Fortsätt', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera dina svar innan du skickar');
  await settle(page, testInfo);
  await tabTo(page.getByRole('button', { name: 'Skicka', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din ansökan är skickad');
});

test('with JavaScript, answers are saved as the person goes', async ({ page, context }, testInfo) => {
  test.skip(!hasJs(testInfo), 'saving as one goes needs JavaScript; without it each page is saved when posted');
  await signIn(page, testInfo, 'preschool-place');
  const name = page.getByLabel('Ditt namn');
  await expect(name).toHaveValue('Anna Andersson');
  await name.fill('Anna Berg');
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/autosave') && r.ok());
  await name.press('Tab');
  await saved;
  // Another tab of the same browser finds the answer in the draft, though
  // nothing was sent.
  const other = await context.newPage();
  await other.goto('/services/preschool-place/form');
  await expect(other.getByLabel('Ditt namn')).toHaveValue('Anna Berg');
  await other.close();
});

test('with JavaScript, a field is checked as soon as it is left', async ({ page }, testInfo) => {
  test.skip(!hasJs(testInfo), 'checking on leaving a field needs JavaScript; the no-JS run is covered above');
  await signIn(page, testInfo, 'parking-permit');
  const months = page.getByLabel('Hur många månader gäller ansökan?');
  await months.fill('13');
  await months.press('Tab');
  await expect(page.getByText('”Hur många månader gäller ansökan?” ska vara 12 eller mindre.')).toBeVisible();
  await expect(months).toHaveAttribute('aria-invalid', 'true');
  await months.fill('6');
  await months.press('Tab');
  await expect(months).not.toHaveAttribute('aria-invalid', 'true');
  // The fee is worked out by the engine in the browser as the answer changes.
  await expect(page.locator('output#f-fee')).toHaveText(/^2\s100\skr$/);
  await expectAccessible(page, testInfo);
});

test('a conditional question appears when it applies', async ({ page }, testInfo) => {
  await open(page, testInfo, '/services/fault-report/form');
  const pole = page.getByLabel('Stolpens nummer (valfritt)');
  if (hasJs(testInfo)) {
    // The engine runs in the browser: the question shows as soon as it applies.
    await expect(pole).toBeHidden();
    await page.getByLabel('Gatubelysning').check();
    await expect(pole).toBeVisible();
    await page.getByLabel('Klotter').check();
    await expect(pole).toBeHidden();
  } else {
    // Without JavaScript it is always there; the server ignores it when it does not apply.
    await expect(pole).toBeVisible();
  }
  await expectAccessible(page, testInfo);
});

test('every kind of question is accessible and support questions follow the yes/no answer', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'preschool-place');
  await open(page, testInfo, '/services/preschool-place/form/child');
  await expect(page.getByRole('group', { name: 'Behöver barnet särskilt stöd?' })).toBeVisible();
  await expect(page.getByLabel('Barnets personnummer')).toHaveAttribute('inputmode', 'numeric');
  await expectAccessible(page, testInfo);
  const kinds = page.getByRole('group', { name: 'Vilket stöd behöver barnet?' });
  if (hasJs(testInfo)) {
    await expect(kinds).toBeHidden();
    await page.getByLabel('Ja', { exact: true }).check();
    await expect(kinds).toBeVisible();
    await page.getByLabel('Specialkost').check();
    await expectAccessible(page, testInfo);
  } else {
    await expect(kinds).toBeVisible();
  }
});

test('children are added and removed as rows, and each row has its own conditions', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'preschool-place');
  await open(page, testInfo, '/services/preschool-place/form/child');
  const row = (n: number) => page.getByRole('group', { name: `Barn ${n}`, exact: true });
  await row(1).getByLabel('Barnets namn').fill('Ada');
  await page.getByRole('button', { name: 'Lägg till barn' }).click();
  // The new row is there, with the cursor in it; nothing typed was lost.
  await expect(row(2).getByLabel('Barnets namn')).toBeFocused();
  await settle(page, testInfo);
  await expect(row(1).getByLabel('Barnets namn')).toHaveValue('Ada');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, testInfo);

  await row(2).getByLabel('Barnets namn').fill('Bo');
  if (hasJs(testInfo)) {
    // A row's condition reads that row only.
    const kinds = (n: number) => row(n).getByRole('group', { name: 'Vilket stöd behöver barnet?' });
    await row(2).getByLabel('Ja', { exact: true }).check();
    await expect(kinds(2)).toBeVisible();
    await expect(kinds(1)).toBeHidden();
  }
  await page.getByRole('button', { name: 'Ta bort Barn 1' }).click();
  await expect(row(2)).toHaveCount(0);
  await settle(page, testInfo);
  await expect(row(1).getByLabel('Barnets namn')).toHaveValue('Bo');
  await expectAccessible(page, testInfo);
});

test('a photo is attached, kept when there are errors, and sent with the report', async ({ page }, testInfo) => {
  await open(page, testInfo, '/services/fault-report/form');
  const photo = { name: 'hål.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) };
  await page.getByLabel('Foton av felet (valfritt)').setInputFiles(photo);
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('Det finns ett problem');
  if (!hasJs(testInfo)) {
    // The server stored the photo: it is listed, and posted again to be kept.
    await expect(page.getByText('hål.jpg (1 kB)')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ta bort hål.jpg' })).toBeVisible();
  }
  await expectAccessible(page, testInfo);
  await page.getByLabel('Potthål eller skadad beläggning').check();
  await page.getByLabel('Var finns felet?').fill('Storgatan 12');
  await page.getByLabel('Beskriv felet').fill('Ett hål i asfalten.');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  // The photo is among the answers to check, and goes with the report.
  await expect(page.getByRole('definition').filter({ hasText: 'hål.jpg (1 kB)' })).toBeVisible();
  await settle(page, testInfo);
  await page.getByRole('button', { name: 'Skicka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din ansökan är skickad');
  await expect(page.getByRole('definition').filter({ hasText: 'hål.jpg (1 kB)' })).toBeVisible();
});

test('a form of two pages is filled in page by page, checked, changed and sent', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'preschool-place');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vårdnadshavare');
  await expect(page.getByText('Steg 1 av 2')).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Ditt namn').fill('Anna Andersson');
  await page.getByLabel('Ditt personnummer').fill('19811218-9876');
  const address = page.getByRole('group', { name: 'Din folkbokföringsadress' });
  await address.getByLabel('Gatuadress').fill('Storgatan 1');
  await address.getByLabel('Postnummer').fill('111 22');
  await address.getByLabel('Ort').fill('Stockholm');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

  await expect(page).toHaveURL(/\/services\/preschool-place\/form\/child$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Barnet och önskemål');
  await expect(page.getByText('Steg 2 av 2')).toBeVisible();
  await settle(page, testInfo);
  // Back to the first page: the answers are still there.
  await page.getByRole('link', { name: 'Tillbaka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vårdnadshavare');
  await settle(page, testInfo);
  await expect(page.getByLabel('Ditt namn')).toHaveValue('Anna Andersson');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Barnet och önskemål');
  await settle(page, testInfo);

  const start = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const child = page.getByRole('group', { name: 'Barn 1', exact: true });
  await child.getByLabel('Barnets namn').fill('Ada');
  await child.getByLabel('Barnets personnummer').fill('220504-1235');
  await child.getByLabel('När behöver barnet platsen?').fill(start);
  await child.getByLabel('Hur många timmar i veckan behövs platsen?').fill('30');
  await child.getByRole('group', { name: 'Behöver barnet särskilt stöd?' }).getByLabel('Nej').check();
  await page.getByLabel('Din e-postadress').fill('anna@example.se');
  await page.getByLabel('Jag intygar att uppgifterna stämmer').check();
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kontrollera dina svar innan du skickar');
  await expect(page.getByRole('heading', { level: 2, name: 'Vårdnadshavare' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Ada$/ })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Ändra Ditt namn' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vårdnadshavare');
  await settle(page, testInfo);
  await page.getByLabel('Ditt namn').fill('Anna Berg');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/check$/);
  await expect(page.getByRole('definition').filter({ hasText: 'Anna Berg' })).toBeVisible();
  await settle(page, testInfo);
  await page.getByRole('button', { name: 'Skicka' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din ansökan är skickad');
  await expect(page.getByRole('definition').filter({ hasText: 'Anna Berg' })).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
});

test('answers are saved for later, the link shown once brings them back in another browser, and it can be e-mailed', async ({ page, browser }, testInfo) => {
  // A service without sign-in: the link is all a person has to come back.
  await open(page, testInfo, '/services/fault-report/form');
  await page.getByLabel('Var finns felet?').fill('Storgatan 12');
  await page.getByRole('button', { name: 'Spara och fortsätt senare' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dina svar är sparade');
  await expect(page.getByText(/Länken fungerar till och med \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  const link = await page.getByRole('link', { name: /\/resume\/[0-9a-f]{32}$/ }).getAttribute('href');
  expect(link).toBeTruthy();

  const elsewhere = await browser.newContext({ javaScriptEnabled: hasJs(testInfo), locale: 'sv-SE' });
  const later = await elsewhere.newPage();
  await later.goto(new URL(link ?? '', page.url()).pathname);
  await expect(later.getByRole('heading', { level: 1 })).toHaveText('Om felet');
  await expect(later.getByLabel('Var finns felet?')).toHaveValue('Storgatan 12');
  await elsewhere.close();

  // The link by e-mail: a malformed address is said, with the link still
  // there; a good one is sent.
  await page.getByLabel('E-postadress').fill('anna.example.se');
  await page.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(page.locator('.error-summary')).toContainText('Skriv e-postadressen i rätt form');
  await expect(page.getByLabel('E-postadress')).toHaveValue('anna.example.se');
  await expect(page.getByRole('link', { name: /\/resume\/[0-9a-f]{32}$/ })).toHaveAttribute('href', link ?? '');
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByLabel('E-postadress').fill('anna@example.se');
  await page.getByRole('button', { name: 'Skicka länken' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken är skickad');
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
});

test('the language switch works and the form speaks English', async ({ page }, testInfo) => {
  await signIn(page, testInfo, 'parking-permit');
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/services\/parking-permit\/form$/);
  await settle(page, testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vehicle and area');
  await expect(page.getByText('Resident parking permit', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('There is a problem');
  await expect(page.getByRole('alert').getByRole('link').first()).toHaveText(
    'Enter “The vehicle\'s registration number”.',
  );
  await expectAccessible(page, testInfo);

  await page.getByLabel("The vehicle's registration number").fill('ABC123');
  const address = page.getByRole('group', { name: 'The address where you are registered as living' });
  await address.getByLabel('Street address').fill('Storgatan 12');
  await address.getByLabel('Postcode').fill('11122');
  await address.getByLabel('Town or city').fill('Stockholm');
  await page.getByLabel('North').check();
  await page.getByLabel('For how many months are you applying?').fill('6');
  await page.getByLabel('Your e-mail address').fill('sam@example.com');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers before sending');
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your application has been sent');
  await expectAccessible(page, testInfo);

  await page.getByRole('link', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('an operating notice shows on every page of its service, and only there', async ({ page }, testInfo) => {
  // Set when the server was started (playwright.config.ts).
  const notice = page.getByRole('region', { name: 'Driftinformation' });
  await signIn(page, testInfo, 'wedding-ceremony');
  for (const path of ['/services/wedding-ceremony', '/services/wedding-ceremony/form']) {
    await open(page, testInfo, path);
    await expect(notice).toContainText('Viktigt: Bokningen är stängd i kväll kl. 22–23 för underhåll.');
    await expectAccessible(page, testInfo);
  }
  await open(page, testInfo, '/services/parking-permit');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

for (const [path, title] of [
  ['/services/wedding-ceremony', 'Boka borgerlig vigsel'],
  ['/services/food-poisoning', 'Anmäl misstänkt matförgiftning'],
  ['/services/association-grant', 'Ansök om föreningsbidrag'],
]) {
  test(`the demo service at ${path} has a start page, and its form says what is missing`, async ({ page }, testInfo) => {
    await open(page, testInfo, path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { name: 'Dina personuppgifter' })).toBeVisible();
    await expectAccessible(page, testInfo);
    const signInFirst = page.getByRole('button', { name: 'Logga in med e-legitimation' });
    if ((await signInFirst.count()) > 0) {
      await signIn(page, testInfo, path.replace('/services/', ''));
    } else {
      await page.getByRole('link', { name: 'Starta e-tjänsten' }).click();
      await expect(page).toHaveURL(new RegExp(`${path}/form$`));
      await settle(page, testInfo);
    }
    await expectAccessible(page, testInfo);
    await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
    await expect(page.getByRole('alert').getByRole('heading')).toHaveText('Det finns ett problem');
    await expect(page.getByRole('alert').getByRole('link').first()).toBeVisible();
    await expectAccessible(page, testInfo);
  });
}

test('in Arabic the pages read right to left and stay accessible', async ({ page }, testInfo) => {
  await open(page, testInfo, '/');
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ماذا تريد أن تفعل؟');
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await open(page, testInfo, '/services/fault-report/form');
  await page.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByRole('alert').getByRole('heading')).toHaveText('توجد مشكلة');
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('an unknown address shows a page that says so, with status 404', async ({ page }, testInfo) => {
  const response = await open(page, testInfo, '/services/no-such-service');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
  await expectAccessible(page, testInfo);
});
