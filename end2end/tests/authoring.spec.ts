// Form authoring: an author starts a service from a template, publishes
// it, and sees a broken draft's problems, with and without JavaScript;
// axe-core on every page.
import { expect, test } from '@playwright/test';
import { expectAccessible, open } from './helpers';

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
  const key = `bygge-${testInfo.project.name}`;
  await open(page, testInfo, '/staff/signin');
  await page.getByLabel('Användarnamn').fill('formgivare');
  await page.getByLabel('Lösenord').fill('demo-formgivare-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await open(page, testInfo, '/staff/forms');
  await page.getByLabel('Mall').selectOption({ label: 'Boendeparkering' });
  await page.getByLabel('Kortnamn för den nya e-tjänsten').fill(key);
  await page.getByRole('button', { name: 'Skapa ett utkast från mallen' }).click();
  await expect(page.getByRole('heading', { name: 'Sidor och frågor' })).toBeVisible();

  // The name in both languages, side by side.
  const names = page.getByRole('group', { name: 'Namn', exact: true });
  await names.getByLabel('Svenska').fill(`Bygge ${testInfo.project.name}`);
  await names.getByLabel('English').fill(`Build ${testInfo.project.name}`);
  await page.getByRole('button', { name: 'Spara texterna' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bygge ${testInfo.project.name}`);

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
