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
