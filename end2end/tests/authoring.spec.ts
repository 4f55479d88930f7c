// Form authoring: an author starts a service from a template, publishes
// it, and sees a broken draft's problems, with and without JavaScript;
// axe-core on every page.
import { expect, Page, test, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import { expectAccessible, hasJs, open, settle } from './helpers';

/** Signs in as the demo author and starts service `key` from `template`. */
async function fromTemplate(page: Page, testInfo: TestInfo, template: string, key: string) {
  await open(page, testInfo, '/staff/signin');
  await page.getByLabel('Användarnamn').fill('formgivare');
  await page.getByLabel('Lösenord').fill('demo-formgivare-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await open(page, testInfo, '/staff/forms');
  await page.getByLabel('Mall').selectOption({ label: template });
  await page.getByLabel('Kortnamn för den nya e-tjänsten').fill(key);
  await page.getByRole('button', { name: 'Skapa ett utkast från mallen' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/forms/${key}$`));
}

test('an author makes a service from a template, publishes it, and is told what a broken draft lacks', async ({ page, browser }, testInfo) => {
  // Both projects run at once on one server: their services differ.
  const key = `mall-${testInfo.project.name}`;
  await open(page, testInfo, '/staff/signin');
  await page.getByLabel('Användarnamn').fill('formgivare');
  await page.getByLabel('Lösenord').fill('demo-formgivare-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('link', { name: 'E-tjänster och formulär' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-tjänster och formulär');
  await expectAccessible(page, testInfo);

  // A short name that is not one is said, with what was typed kept.
  await page.getByLabel('Mall').selectOption({ label: 'Felanmälan – gata och park' });
  await page.getByLabel('Kortnamn för den nya e-tjänsten').fill('Min Mall');
  await page.getByRole('button', { name: 'Skapa ett utkast från mallen' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv ett kortnamn');
  await expect(page.getByLabel('Kortnamn för den nya e-tjänsten')).toHaveValue('Min Mall');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Kortnamn för den nya e-tjänsten').fill(key);
  await page.getByRole('button', { name: 'Skapa ett utkast från mallen' }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/forms/${key}$`));
  await expect(page.getByText('Inte publicerad än.')).toBeVisible();
  await expectAccessible(page, testInfo);

  // Named its own (so the demo's catalogue keeps one fault report) and
  // published, it is there for residents.
  // The definition itself is under "advanced", for whoever writes it.
  const advanced = page.getByText('Definitionen som JSON');
  await advanced.click();
  const definition = page.getByLabel('Definitionen (JSON)');
  const own = JSON.parse(await definition.inputValue());
  own.title = { sv: `Mall ${testInfo.project.name}`, en: `Template ${testInfo.project.name}` };
  await definition.fill(JSON.stringify(own, null, 2));
  await page.getByRole('button', { name: 'Spara utkastet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mall ${testInfo.project.name}`);
  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('status')).toContainText('Version 1 är publicerad.');
  const resident = await browser.newPage();
  await open(resident, testInfo, `/services/${key}`);
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText(`Mall ${testInfo.project.name}`);
  await resident.close();

  // A draft without its Swedish title: kept, its problem named, not publishable.
  await advanced.click();
  const text = await definition.inputValue();
  const broken = JSON.parse(text);
  broken.title.sv = '';
  await definition.fill(JSON.stringify(broken, null, 2));
  await page.getByRole('button', { name: 'Spara utkastet' }).click();
  await expect(page.getByRole('heading', { name: 'Ett problem hindrar publicering' })).toBeVisible();
  await expect(page.locator('#problems')).toContainText('title.sv');
  await expect(page.locator('#problems')).toContainText('Texten saknas på sv.');
  await expect(page.getByRole('button', { name: 'Publicera' })).toBeDisabled();
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Släng utkastet' }).click();
  await expect(page.getByText('Det finns inget utkast')).toBeVisible();
});

test('an author builds pages and questions without code, with translations side by side and a guided condition', async ({ page }, testInfo) => {
  // Many pages of the builder, one after another: three times the usual time.
  test.slow();
  const key = `bygge-${testInfo.project.name}`;
  await fromTemplate(page, testInfo, 'Boendeparkering', key);
  await expect(page.getByRole('heading', { name: 'Sidor och frågor' })).toBeVisible();

  // The name in both languages, side by side.
  const names = page.getByRole('group', { name: 'Namn', exact: true });
  await names.getByLabel('Svenska').fill(`Bygge ${testInfo.project.name}`);
  await names.getByLabel('English').fill(`Build ${testInfo.project.name}`);
  await page.getByRole('button', { name: 'Spara texterna' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bygge ${testInfo.project.name}`);

  if (hasJs(testInfo)) {
    // With JavaScript a text is saved as soon as it is left, without the button.
    const english = page.getByRole('group', { name: 'Beskrivning' }).getByLabel('English');
    await english.fill('Apply to park near your home.');
    await english.press('Tab');
    await expect(page.locator('#builder').getByRole('status')).toContainText('Sparat');
    await page.reload();
    await expect(page.getByRole('group', { name: 'Beskrivning' }).getByLabel('English')).toHaveValue('Apply to park near your home.');
    // A text taken away is a problem at once, and gone once written again.
    const name = page.getByRole('group', { name: 'Namn', exact: true }).getByLabel('English');
    await name.fill('');
    await name.press('Tab');
    await expect(page.locator('#problems')).toContainText('Texten saknas på en.');
    await name.fill(`Build ${testInfo.project.name}`);
    await name.press('Tab');
    await expect(page.locator('#problems')).toHaveCount(0);
  }

  // A new page with two questions; a key that is not one is said.
  await page.getByLabel('Kortnamn', { exact: true }).last().fill('Mer Om');
  await page.getByLabel('Sidans rubrik', { exact: true }).last().fill('Mer om bilen');
  await page.getByRole('button', { name: 'Lägg till en sida' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv ett kortnamn');
  await expectAccessible(page, testInfo);
  await page.locator('#add-page-key').fill('bilen');
  await page.getByRole('button', { name: 'Lägg till en sida' }).click();
  const added = page.locator('.builder-page').last();
  await expect(added.getByRole('heading', { level: 3 })).toContainText('Mer om bilen');
  await added.getByLabel('Slag').selectOption({ label: 'Ja eller nej' });
  await added.getByLabel('Kortnamn', { exact: true }).fill('elbil');
  await added.getByLabel('Frågan', { exact: true }).fill('Är det en elbil?');
  await added.getByRole('button', { name: /Lägg till en fråga/ }).click();
  const again = page.locator('.builder-page').last();
  await again.getByLabel('Slag').selectOption({ label: 'Kort text' });
  await again.getByLabel('Kortnamn', { exact: true }).fill('laddbox');
  await again.getByLabel('Frågan', { exact: true }).fill('Var laddar du bilen?');
  await again.getByRole('button', { name: /Lägg till en fråga/ }).click();
  await expect(page.locator('#problems')).toContainText('Texten saknas på en.');
  await expectAccessible(page, testInfo);

  // The second question's English, and when it is asked, with the guided editor.
  await page.getByRole('link', { name: /Redigera\W+Var laddar du bilen/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fråga: laddbox');
  await expectAccessible(page, testInfo);
  await page.getByRole('group', { name: 'Frågan' }).getByLabel('English').fill('Where do you charge the car?');
  await page.getByLabel('Fråga', { exact: true }).selectOption('elbil');
  await page.getByLabel('Jämförelse').selectOption({ label: 'är ja' });
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  await expect(page.getByRole('heading', { name: 'Sidor och frågor' })).toBeVisible();
  await page.getByRole('link', { name: /Redigera\W+Var laddar du bilen/ }).click();
  await expect(page.getByLabel('Visas bara när (villkor)')).toHaveValue('$elbil == true');
  await page.getByRole('link', { name: 'Tillbaka till utkastet' }).click();
  await page.getByRole('link', { name: /Redigera\W+Är det en elbil/ }).click();
  await page.getByRole('group', { name: 'Frågan' }).getByLabel('English').fill('Is it an electric car?');
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  const built = page.locator('.builder-page').last();
  await built.getByRole('group', { name: 'Sidans rubrik' }).getByLabel('English').fill('More about the car');
  await built.getByRole('button', { name: 'Spara sidan' }).click();

  // A question's settings: a limit that does not read is said at its input, and kept.
  await page.getByRole('link', { name: /Redigera\W+Var laddar du bilen/ }).click();
  await page.getByLabel('Högsta antal tecken').fill('många');
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  await expect(page.getByRole('alert')).toContainText('Värdet går inte att läsa');
  await expect(page.getByLabel('Högsta antal tecken')).toHaveValue('många');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Högsta antal tecken').fill('60');
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  await expect(page.getByRole('heading', { name: 'Sidor och frågor' })).toBeVisible();

  // A rule across questions, with its message in both languages.
  const rules = page.locator('#rules');
  await rules.getByLabel('Kortnamn', { exact: true }).fill('laddning');
  await rules.getByLabel('Uttrycket som ska stämma').last().fill('$laddbox != "vet ej"');
  await rules.getByLabel('Visas vid frågan').last().selectOption('laddbox');
  const message = rules.getByRole('group', { name: 'Meddelandet när regeln inte stämmer' }).last();
  await message.getByLabel('Svenska').fill('Skriv var du laddar bilen.');
  await message.getByLabel('English').fill('Say where you charge the car.');
  await rules.getByRole('button', { name: 'Lägg till en regel' }).click();
  await expect(page.getByRole('button', { name: 'Spara regeln laddning' })).toBeVisible();
  await expect(page.locator('#problems')).toHaveCount(0);
  await expectAccessible(page, testInfo);

  // Previewed as residents will see it, in English at a phone's width.
  await page.getByRole('link', { name: 'Förhandsvisa' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Förhandsvisning/ })).toHaveText(`Förhandsvisning: Bygge ${testInfo.project.name}`);
  await page.getByRole('navigation', { name: 'Formulärets sidor' }).getByRole('link', { name: 'Mer om bilen' }).click();
  await page.getByRole('navigation', { name: 'Formulärets språk' }).getByRole('link', { name: 'English' }).click();
  await page.getByRole('navigation', { name: 'Skärmens bredd' }).getByRole('link', { name: 'Mobil' }).click();
  await expect(page.locator('.preview--phone')).toContainText('Is it an electric car?');
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'Tillbaka till utkastet' }).click();

  // Nothing missing now: published.
  await expect(page.locator('#problems')).toHaveCount(0);
  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('status')).toContainText('Version 1 är publicerad.');
});

test('an author sets what a service says of itself, the statuses its cases move through, and the questions in each row of a group', async ({ page }, testInfo) => {
  const key = `om-${testInfo.project.name}`;
  await fromTemplate(page, testInfo, 'Felanmälan – gata och park', key);

  // The details: a number that does not read is said at its field, and kept.
  await page.getByRole('link', { name: /^Om tjänsten/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Om tjänsten: /);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Handläggningstid i dagar').fill('tjugo');
  await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(page.getByRole('alert')).toContainText('Värdet går inte att läsa');
  await expect(page.getByLabel('Handläggningstid i dagar')).toHaveValue('tjugo');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Handläggningstid i dagar').fill('20');
  await page.getByLabel('Inloggning').selectOption({ label: 'E-legitimation, tillitsnivå 3 (BankID, Freja eID+)' });
  const offered = page.getByRole('group', { name: 'Erbjuds också på' });
  await offered.getByLabel('العربية').check();
  await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
  // Offered in Arabic now: every text is missing in Arabic, side by side.
  await expect(page.getByRole('heading', { name: 'Det här hindrar publicering' })).toBeVisible();
  await expect(page.locator('#details-problems')).toContainText('organisation.ar');
  await expect(page.getByRole('group', { name: 'Ansvarig förvaltning' }).getByLabel(/العربية/)).toHaveValue('');
  await expect(page.getByLabel('Handläggningstid i dagar')).toHaveValue('20');
  await expectAccessible(page, testInfo);
  await offered.getByLabel('العربية').uncheck();
  await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
  await expect(page.getByRole('heading', { name: 'Det här hindrar publicering' })).toHaveCount(0);

  // Statuses of its own, with one more step.
  await page.getByRole('link', { name: 'Tillbaka till utkastet' }).click();
  await page.getByRole('link', { name: 'Statusar som ärendena går igenom' }).click();
  await expect(page.getByRole('heading', { name: 'Blanketts statusar' })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Använd egna statusar' }).click();
  await expect(page.getByRole('heading', { name: 'Tjänstens egna statusar' })).toBeVisible();
  await page.getByLabel('Kortnamn för den nya statusen').fill('besiktning-bokad');
  await page.getByLabel('Namn på den nya statusen').fill('Besiktning bokad');
  await page.getByRole('button', { name: 'Lägg till statusen' }).click();
  const named = page.locator('#status-5');
  await expect(named.getByRole('heading')).toContainText('Besiktning bokad');
  await expect(page.locator('#statuses-problems')).toContainText('statuses[5].name.en');
  await expectAccessible(page, testInfo);
  await named.getByLabel('English').fill('Inspection booked');
  await page.getByRole('button', { name: 'Spara statusarna' }).click();
  await expect(page.locator('#statuses-problems')).not.toContainText('statuses[5]');
  await page.getByRole('button', { name: /Flytta upp\W+Besiktning bokad/ }).click();
  await expect(page.locator('#statuses li').nth(4)).toContainText('Besiktning bokad');
  await expectAccessible(page, testInfo);

  // A group that repeats, with a question asked in each row.
  await page.getByRole('link', { name: 'Tillbaka till utkastet' }).click();
  const first = page.locator('.builder-page').first();
  await first.getByLabel('Slag').selectOption({ label: 'Grupp som upprepas' });
  await first.getByLabel('Kortnamn', { exact: true }).fill('vittnen');
  await first.getByLabel('Frågan', { exact: true }).fill('Vittnen');
  await first.getByRole('button', { name: /Lägg till en fråga/ }).click();
  await page.getByRole('link', { name: /Redigera\W+Vittnen/ }).click();
  await expect(page.getByRole('heading', { name: 'Frågor i varje rad av vittnen' })).toBeVisible();
  const inner = page.locator('#inner');
  await inner.getByLabel('Slag').selectOption({ label: 'Kort text' });
  await inner.getByLabel('Kortnamn', { exact: true }).fill('vittne-namn');
  await inner.getByLabel('Frågan', { exact: true }).fill('Vittnets namn');
  await inner.getByRole('button', { name: 'Lägg till en fråga i raden' }).click();
  await expect(inner.getByRole('table')).toContainText('vittne-namn');
  await expectAccessible(page, testInfo);
  await inner.getByRole('link', { name: /Redigera\W+Vittnets namn/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fråga: vittne-namn');
  await expectAccessible(page, testInfo);
  await page.getByRole('group', { name: 'Frågan' }).getByLabel('English').fill("The witness's name");
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  await expect(page.getByRole('heading', { name: 'Frågor i varje rad av vittnen' })).toBeVisible();
});

test('a form goes round: built with two pages, a condition and a translation, previewed, published, sent, changed as version 2, and counted', async ({ page, browser }, testInfo) => {
  // A long journey through many pages: three times the usual time.
  test.slow();
  const project = testInfo.project.name;
  const key = `runda-${project}`;
  await fromTemplate(page, testInfo, 'Felanmälan – gata och park', key);
  const names = page.getByRole('group', { name: 'Namn', exact: true });
  await names.getByLabel('Svenska').fill(`Runda ${project}`);
  await names.getByLabel('English').fill(`Round ${project}`);
  await page.getByRole('button', { name: 'Spara texterna' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Runda ${project}`);

  // A second page, whose question is asked only about a pothole, in Swedish and English.
  await page.locator('#add-page-key').fill('uppfoljning');
  await page.getByLabel('Sidans rubrik', { exact: true }).last().fill('Uppföljning');
  await page.getByRole('button', { name: 'Lägg till en sida' }).click();
  const added = page.locator('.builder-page').last();
  await added.getByLabel('Slag').selectOption({ label: 'Kort text' });
  await added.getByLabel('Kortnamn', { exact: true }).fill('djup');
  await added.getByLabel('Frågan', { exact: true }).fill('Hur djupt är hålet?');
  await added.getByRole('button', { name: /Lägg till en fråga/ }).click();
  await page.getByRole('link', { name: /Redigera\W+Hur djupt är hålet/ }).click();
  await page.getByRole('group', { name: 'Frågan' }).getByLabel('English').fill('How deep is the hole?');
  await page.getByLabel('Fråga', { exact: true }).selectOption('kind');
  await page.getByLabel('Jämförelse').selectOption({ label: 'är' });
  await page.getByLabel('Värde').fill('pothole');
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  const built = page.locator('.builder-page').last();
  await built.getByRole('group', { name: 'Sidans rubrik' }).getByLabel('English').fill('Follow-up');
  await built.getByRole('button', { name: 'Spara sidan' }).click();
  await expect(page.locator('#problems')).toHaveCount(0);

  // Previewed: the second page, in English.
  await page.getByRole('link', { name: 'Förhandsvisa' }).click();
  await page.getByRole('navigation', { name: 'Formulärets sidor' }).getByRole('link', { name: 'Uppföljning' }).click();
  await page.getByRole('navigation', { name: 'Formulärets språk' }).getByRole('link', { name: 'English' }).click();
  await expect(page.locator('.preview')).toContainText('How deep is the hole?');
  await page.getByRole('link', { name: 'Tillbaka till utkastet' }).click();
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('status')).toContainText('Version 1 är publicerad.');

  // A resident fills it in and sends it: the conditional question is asked.
  const residentContext = await browser.newContext();
  const resident = await residentContext.newPage();
  await open(resident, testInfo, `/services/${key}`);
  await open(resident, testInfo, `/services/${key}/form`);
  await resident.getByLabel('Potthål eller skadad beläggning').check();
  await resident.getByLabel('Var finns felet?').fill('Storgatan 3');
  await resident.getByLabel('Beskriv felet').fill('Ett hål vid övergångsstället.');
  await resident.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText('Uppföljning');
  await settle(resident, testInfo);
  await resident.getByLabel('Hur djupt är hålet?').fill('Ungefär tio centimeter');
  await resident.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(resident).toHaveURL(new RegExp(`/services/${key}/check$`));
  await settle(resident, testInfo);
  await resident.getByRole('button', { name: 'Skicka' }).click();
  await expect(resident).toHaveURL(/\/receipts\/[0-9a-f]{32}$/);
  const receipt = resident.url();
  await expect(resident.getByRole('term').filter({ hasText: 'Hur djupt är hålet?' })).toBeVisible();

  // The author changes the question and publishes version 2.
  await page.getByRole('link', { name: /Redigera\W+Hur djupt är hålet/ }).click();
  await page.getByRole('group', { name: 'Frågan' }).getByLabel('Svenska').fill('Ungefär hur djupt är hålet?');
  await page.getByRole('button', { name: 'Spara frågan' }).click();
  await expect(page.locator('#changes-heading')).toBeVisible();
  await expect(page.getByText(/Ändrade frågor: djup/)).toBeVisible();
  await page.getByRole('button', { name: 'Publicera' }).click();
  await expect(page.getByRole('status')).toContainText('Version 2 är publicerad.');

  // The first case is still read against version 1; a new resident gets version 2.
  await open(resident, testInfo, receipt);
  await expect(resident.getByRole('term').filter({ hasText: 'Hur djupt är hålet?' })).toHaveText('Hur djupt är hålet?');
  await expect(resident.getByText('Ungefär hur djupt')).toHaveCount(0);
  await residentContext.close();
  const secondContext = await browser.newContext();
  const second = await secondContext.newPage();
  await open(second, testInfo, `/services/${key}`);
  await open(second, testInfo, `/services/${key}/form`);
  await second.getByLabel('Potthål eller skadad beläggning').check();
  await second.getByLabel('Var finns felet?').fill('Kyrkvägen 1');
  await second.getByLabel('Beskriv felet').fill('Ännu ett hål.');
  await second.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(second.getByLabel('Ungefär hur djupt är hålet?')).toBeVisible();
  await secondContext.close();

  // The versions: version 2 offered, version 1 with its case.
  await page.getByRole('link', { name: 'Versioner och publicering' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Versioner av Runda ${project}`);
  await expect(page.getByRole('row', { name: /version 2 .* Erbjuds nu/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /version 1 .* 1 Inte kontrollerad Kontrollera version 1 Publicera version 1 igen/ })).toBeVisible();
  await expectAccessible(page, testInfo);

  // The accessibility check of version 2, run from here: axe-core in
  // Chromium over the start page and both pages (the conditional one too),
  // as first shown and with every error, in Swedish and in English. Its
  // report is kept with the version. The versions page has no script, so
  // its button is the same plain post in both projects: the check (a
  // browser of its own on the two cores) runs once, in the JavaScript one.
  if (hasJs(testInfo)) {
    await page.getByRole('button', { name: 'Kontrollera version 2' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tillgänglighetskontroll av Runda ${project}, version 2`);
    await expectAccessible(page, testInfo);
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('Inga fel hittades på 10 granskade sidvisningar', { exact: false })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 100_000, intervals: [1_000] });
    const checked = page.getByRole('table', { name: 'Granskade sidvisningar' });
    await expect(checked.getByRole('row')).toHaveCount(11);
    await expect(checked.getByRole('row', { name: /Uppföljning English Med felmeddelanden, utan JavaScript Inga fel/ })).toBeVisible();
    await expectAccessible(page, testInfo);
    await page.getByRole('link', { name: 'Tillbaka till versionerna' }).click();
    await expect(page.getByRole('row', { name: /version 2 .* Inga fel Rapport för version 2 Kontrollera version 2 Erbjuds nu/ })).toBeVisible();
  }
  // Taking it down later without a time is said, and the choice is kept.
  await page.getByLabel('Vid en viss tidpunkt').check();
  await page.getByRole('button', { name: 'Ta ned tjänsten' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv datum och tid');
  await expect(page.getByLabel('Vid en viss tidpunkt')).toBeChecked();
  await expectAccessible(page, testInfo);

  // The statistics count both starts and the submission.
  await page.getByRole('link', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Statistik: Runda ${project}`);
  const figure = (name: string) =>
    page.locator('.summary-list__row').filter({ has: page.getByText(name, { exact: true }) }).locator('dd');
  await expect(figure('Påbörjade')).toHaveText('2');
  await expect(figure('Inskickade')).toHaveText('1');
  await expect(figure('Visningar av startsidan')).toHaveText('2');
  await expect(figure('Andel som skickade in')).toHaveText('50 %');
  await expect(page.getByRole('img', { name: /Från startsida till inskickat: Visningar av startsidan 2, Påbörjade 2, Inskickade 1/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Var invånare lämnar formuläret' })).toContainText('Uppföljning');
  await expectAccessible(page, testInfo);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ned som CSV' }).click();
  const csv = fs.readFileSync(await (await download).path(), 'utf8');
  expect(csv).toContain('"Totalt",2,2,0,1,50,0,');
  // A period that does not read is said at the field.
  await page.getByLabel('Från och med').fill('2026-12-31');
  await page.getByLabel('Till och med').fill('2026-01-01');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('alert')).toContainText('Startdatum måste vara före slutdatum');
  await expectAccessible(page, testInfo);
  await open(page, testInfo, '/staff/statistics');
  await expect(page.getByRole('link', { name: `Runda ${project}` })).toBeVisible();
  await expectAccessible(page, testInfo);
});
