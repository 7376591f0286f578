import { launchBrowser } from '#test/support/browser';

describe('the browser the page specs drive', () => {
  it('starts and renders a page', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.setContent('<main><h1>Tally</h1><label>Email <input name="email"></label></main>');
      await page.keyboard.press('Tab');
      await page.keyboard.type('a@b.test');
      expect(await page.getByLabel('Email').inputValue()).toBe('a@b.test');
    } finally {
      await browser.close();
    }
  });
});
