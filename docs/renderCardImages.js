/* eslint-disable no-console, @typescript-eslint/no-require-imports -- a CommonJS tool script run by hand (npm run docs:images) */
/* global window, document -- the function passed to page.evaluate runs in the browser */
// Renders the README's pictures of the reporter's cards (receipt, welcome, "Mijn meldingen") to
// PNG in docs/img/, from the compiled card templates (dist/, so run `npm run docs:images`, which
// builds first). Uses the Adaptive Cards JS renderer in headless Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium; `apt-get install -y chromium`). Not part of CI: the pictures are committed.
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const root = join(__dirname, '..');
const { renderDialogReceipt } = require(join(root, 'dist/cards/dialogReceipt.js'));
const { renderWelcome } = require(join(root, 'dist/cards/welcome.js'));
const { renderMyCases } = require(join(root, 'dist/cards/myCases.js'));
const { loadHelpContacts } = require(join(root, 'dist/bot/help/loadHelpContacts.js'));

const help = loadHelpContacts(join(root, 'config/help.demo.json'));

/** The pictures: file name, card, width in pixels (a dialog is wider than a chat card). */
const PICTURES = [
  [
    'receipt.nl.png',
    renderDialogReceipt({
      locale: 'nl',
      reference: 'VM-7K3Q-9DX2',
      kind: 'report',
      identity: 'confidential',
      nextStepBy: '9 december 2026 om 10:00',
      immediateDanger: false,
      showPoliceAdvice: false,
      duplicate: false,
      route: 'meldpunt',
      nextDeadline: { clock: 'acknowledge', due: '9 december 2026 om 10:00' },
      help,
    }),
    600,
  ],
  ['welcome.nl.png', renderWelcome({ locale: 'nl', hasDraft: true }), 620],
  [
    'my-reports.nl.png',
    renderMyCases({
      locale: 'nl',
      cases: [
        {
          caseId: 'demo-1',
          reference: 'VM-7K3Q-9DX2',
          kind: 'report',
          state: 'acknowledged',
          receivedOn: '2 december 2026',
          route: 'meldpunt',
          nextDeadline: { clock: 'feedback', due: '4 maart 2027' },
        },
        {
          caseId: 'demo-2',
          reference: 'VM-4HXT-M3PA',
          kind: 'advice',
          state: 'submitted',
          receivedOn: '30 november 2026',
          route: 'vertrouwenspersoon',
          nextDeadline: { clock: 'contact', due: '2 december 2026' },
        },
      ],
      more: false,
    }),
    520,
  ],
];

/** Close to Teams' light theme: Segoe UI (or the nearest font), Teams' purple for buttons. */
const HOST_CONFIG = {
  fontFamily: "'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: 'horizontal', actionAlignment: 'left', showCard: { actionMode: 'inline' } },
  containerStyles: {
    default: { backgroundColor: '#FFFFFF', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7' }, good: { default: '#0E700E' }, warning: { default: '#835B00' }, attention: { default: '#C4314B' } } },
    emphasis: { backgroundColor: '#F5F5F5', foregroundColors: { default: { default: '#242424', subtle: '#616161' } } },
    attention: { backgroundColor: '#FDF3F4', foregroundColors: { default: { default: '#242424', subtle: '#616161' }, attention: { default: '#C4314B' } } },
  },
};

async function main() {
  const outDir = join(__dirname, 'img');
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#f0f0f0"><div id="card"></div></body></html>');
    await page.addStyleTag({ content: '.ac-pushButton{border:1px solid #d1d1d1;border-radius:4px;background:#fff;padding:6px 12px;font-weight:600;color:#242424} .ac-pushButton.style-positive{background:#5B5FC7;color:#fff;border-color:#5B5FC7} a{color:#5B5FC7}' });
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.js') });
    for (const [name, card, width] of PICTURES) {
      await page.evaluate(
        ({ card, width, hostConfig }) => {
          const AC = window.AdaptiveCards;
          AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
            // Bold and links, as Teams shows them; everything else as plain text.
            const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
            result.outputHtml = escaped.replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/\[([^\]]+)\]\((https:[^)]+)\)/g, '<a href="$2">$1</a>');
            result.didProcess = true;
          };
          const adaptiveCard = new AC.AdaptiveCard();
          adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
          adaptiveCard.parse(card);
          const target = document.getElementById('card');
          target.style.width = `${width}px`;
          target.style.padding = '12px';
          target.replaceChildren(adaptiveCard.render());
        },
        { card, width, hostConfig: HOST_CONFIG },
      );
      await page.locator('#card').screenshot({ path: join(outDir, name) });
      console.log(`docs/img/${name}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
