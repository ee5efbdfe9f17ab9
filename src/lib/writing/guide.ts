/**
 * The writers' guide's reference: for each component, what it is for, each prop in words, and a
 * copy-paste example. The guide page checks this table against the props schemas at build time, so
 * a prop added to a component and left out here fails the build instead of going undocumented.
 */
import { FIGURE_PANELS, PANELS } from '../embed/options.ts';
import { PRESET_IDS } from '../../model/index.ts';
import { COMPONENT_NAMES, SCRUB_BIND_NAMES, propNames, type ComponentName } from './components.ts';

export interface PropDoc {
  name: string;
  type: string;
  required: boolean;
  text: string;
}

export interface ComponentDoc {
  name: ComponentName;
  summary: string;
  props: PropDoc[];
  example: string;
}

const scenarioProp = (required: boolean): PropDoc => ({
  name: 'scenario',
  type: 'scenario id',
  required,
  text: required
    ? 'A file name in content/scenarios/, without .yaml. An unknown id fails the build.'
    : 'Only when this should not bind to the nearest <Simulation> or <Scrolly> above it.',
});

const figureProp: PropDoc = {
  name: 'figure',
  type: 'figure name',
  required: false,
  text: 'Components that give the same name share one simulation: a panel or a <Scrub> that continues a <Simulation> or <Scrolly>, or a <Scrub> and the <Timeline> it redraws. Without it, a figure runs a simulation of its own from where it says it starts, never from where another figure left off.',
};
const dayProp = (what: string): PropDoc => ({
  name: 'day',
  type: 'number',
  required: false,
  text: `Open ${what} on this day, at noon (default: the scenario's start). Within a named figure, only one component says where it starts.`,
});
const policyProp: PropDoc = {
  name: 'policy',
  type: 'preset id',
  required: false,
  text: `Start under this policy instead of the scenario's own: one of ${PRESET_IDS.join(', ')}.`,
};
/** What a single panel takes: its scenario, the figure it continues, and where it starts. */
const panelProps = (): PropDoc[] => [scenarioProp(false), figureProp, dayProp('the panel'), policyProp];

export const GUIDE: readonly ComponentDoc[] = [
  {
    name: 'Simulation',
    summary: 'A live simulator figure: time controls and the panels you choose, running the scenario. Panels hydrate when scrolled to.',
    props: [
      scenarioProp(true),
      {
        name: 'panels',
        type: 'text',
        required: false,
        text: `Comma-separated, from ${PANELS.join(', ')}. Default: ${FIGURE_PANELS.Simulation.join(',')}. A page shows each panel once.`,
      },
      dayProp('the figure'),
      policyProp,
      figureProp,
      { name: 'controls', type: 'true or false', required: false, text: 'Show the time controls (default true; once per page).' },
      { name: 'caption', type: 'text', required: false, text: 'The figure’s caption. Default: the scenario’s title.' },
    ],
    example: '<Simulation scenario="a-number-typed" panels="composer" day={3} caption="Pick a name, send nothing" />',
  },
  {
    name: 'Ledger',
    summary: 'The provider’s records, alone: what is held, and when each record expires.',
    props: panelProps(),
    example: '<Ledger />',
  },
  {
    name: 'Timeline',
    summary: 'Records held, day by day, as a chart with a table twin.',
    props: panelProps(),
    example: '<Timeline figure="retention" day={35} />',
  },
  {
    name: 'ContactGraph',
    summary: 'Who an observer would think talked to whom, from the records alone, beside who really did.',
    props: panelProps(),
    example: '<ContactGraph />',
  },
  {
    name: 'LegalRequest',
    summary: 'What a subpoena, §2703(d) order, pen register or warrant would return on the day shown.',
    props: panelProps(),
    example: '<LegalRequest day={10} />',
  },
  {
    name: 'Scrolly',
    summary:
      'A figure that stays in view while the story scrolls past it. Each <Step> inside moves the simulation; readers can also use Previous, Next and numbered step buttons, or read it one step at a time without scrolling.',
    props: [
      scenarioProp(true),
      {
        name: 'panels',
        type: 'text',
        required: false,
        text: `As for <Simulation>. Default: ${FIGURE_PANELS.Scrolly.join(',')}. The figure is pinned while it fits the reader's screen and never scrolls inside itself: composer, conversation and people are drawn as one read-only strip (each person's devices, the newest alert, the newest message's ciphertexts), the ledger as lanes without its table. Keep it to one or two panels; a figure too tall to pin is stepped through instead.`,
      },
      { ...figureProp, text: 'Name it so a later panel can continue it with the same name; otherwise nothing outside the story shares its simulation.' },
      { name: 'caption', type: 'text', required: false, text: 'Names the figure for screen readers.' },
    ],
    example: `<Scrolly scenario="new-tablet" panels="people">
  <Step at="day 1 17:00" label="One device">Lena has one phone.</Step>
  <Step at="day 3 20:01" label="A tablet joins">Her tablet registers keys of its own.</Step>
</Scrolly>`,
  },
  {
    name: 'Step',
    summary: 'One beat of a <Scrolly>; only allowed inside one. The text is ordinary Markdown.',
    props: [
      { name: 'day', type: 'number', required: false, text: 'The day to show, at noon. Give day or at, not both.' },
      { name: 'at', type: 'text', required: false, text: 'An exact moment, like "day 3 14:00".' },
      {
        name: 'action',
        type: 'text',
        required: false,
        text: `"play", "pause", or "policy:<preset>" with a preset from ${PRESET_IDS.join(', ')}. A policy holds for the later steps, and stepping back before it restores the scenario’s own.`,
      },
      { name: 'label', type: 'text', required: false, text: 'A short name for the step’s button. Default: its moment.' },
    ],
    example: '<Step day={31} action="policy:apple-2020s" label="Under 25 days">…</Step>',
  },
  {
    name: 'Scrub',
    summary:
      'An inline number the reader drags, or changes with the arrow keys, PageUp/PageDown, Home and End. It sets a retention period of the nearest simulation.',
    props: [
      { name: 'bind', type: 'text', required: true, text: `What it sets: ${SCRUB_BIND_NAMES.join(', ')}. Anything else fails the build.` },
      { name: 'min', type: 'number', required: false, text: 'Fewest days (default 0).' },
      { name: 'max', type: 'number', required: false, text: 'Most days (default 90).' },
      ...panelProps(),
    ],
    example: 'Lookup records kept for <Scrub bind="retentionDays" figure="retention" />.',
  },
  {
    name: 'Cite',
    summary:
      'A numbered citation. Numbers follow first use; the number links to its entry, and the ▾ beside it opens a preview of the source (Escape closes it); the references list at the end is made for you.',
    props: [{ name: 'id', type: 'source id', required: true, text: 'A file name in content/sources/, without .yaml. An unknown id fails the build.' }],
    example: 'Apple confirmed 30 days <Cite id="intercept-2016" />.',
  },
  {
    name: 'Predict',
    summary: 'A question the reader answers before the reveal. No JavaScript.',
    props: [
      { name: 'question', type: 'text', required: true, text: 'The question.' },
      { name: 'choices', type: 'list of text', required: true, text: '2 to 5 choices, in braces: {["Yes", "No"]}.' },
      { name: 'answer', type: 'number', required: true, text: 'The right choice, counting from 0.' },
    ],
    example: `<Predict question="Did anything get recorded?" choices={["No", "Yes: a lookup record"]} answer={1}>
  The lookup is recorded whether or not a message follows.
</Predict>`,
  },
  {
    name: 'Aside',
    summary: 'A side note, set apart from the main line of the story.',
    props: [{ name: 'title', type: 'text', required: false, text: 'Default: “Side note”.' }],
    example: '<Aside title="Who wrote the FAQ?">Nobody knows.</Aside>',
  },
];

/** Components or props the guide forgets, in words; empty when the guide is complete. */
export function guideGaps(guide: readonly ComponentDoc[] = GUIDE): string[] {
  const gaps: string[] = [];
  for (const name of COMPONENT_NAMES) {
    const doc = guide.find((d) => d.name === name);
    if (!doc) {
      gaps.push(`<${name}> is not in the writers' guide`);
      continue;
    }
    for (const prop of propNames(name)) if (!doc.props.some((p) => p.name === prop)) gaps.push(`<${name}> prop "${prop}" is not in the writers' guide`);
    for (const prop of doc.props) if (!propNames(name).includes(prop.name)) gaps.push(`<${name}> has no prop "${prop.name}", but the guide lists it`);
  }
  return gaps;
}
