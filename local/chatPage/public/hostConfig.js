/*
 * A Teams-like host config for the Adaptive Cards renderer (light theme): Segoe UI, Teams'
 * purple accent, its spacing and its container styles. Teams itself does not publish its host
 * config; these values follow the Adaptive Cards designer's "Microsoft Teams - Light" preset.
 */
/* global window */
window.TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 200, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#252424', subtle: '#484644' },
        light: { default: '#FFFFFF', subtle: '#FFFFFF' },
        accent: { default: '#6264A7', subtle: '#8B8CC7' },
        good: { default: '#237B4B', subtle: '#2E9E5E' },
        warning: { default: '#C4314B', subtle: '#D2475E' },
        attention: { default: '#C4314B', subtle: '#D2475E' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#6264A7', subtle: '#8B8CC7' },
        good: { default: '#237B4B', subtle: '#2E9E5E' },
        warning: { default: '#C4314B', subtle: '#D2475E' },
        attention: { default: '#C4314B', subtle: '#D2475E' },
      },
    },
    accent: { backgroundColor: '#E2E2F6' },
    good: { backgroundColor: '#E7F2DA' },
    attention: { backgroundColor: '#FCF4F6' },
    warning: { backgroundColor: '#FBF6D9' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    wrap: true,
  },
  adaptiveCard: { allowCustomStyle: true },
  imageSet: { imageSize: 'medium', maxImageHeight: 100 },
  factSet: {
    title: { size: 'default', color: 'default', weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { size: 'default', color: 'default', weight: 'default', wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 2 },
  inputs: { label: { requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' }, optionalInputs: { weight: 'bolder' } }, errorMessage: { size: 'small', color: 'attention' } },
};
