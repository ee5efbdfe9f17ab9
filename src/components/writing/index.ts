/**
 * The components an explainer's MDX may use without importing them: pass this to
 * `<Content components={writerComponents} />`. The names are the ones in lib/writing/components.ts.
 */
import type { ComponentName } from '../../lib/writing/components.ts';
import Aside from './Aside.astro';
import Cite from './Cite.astro';
import ContactGraph from './ContactGraph.astro';
import Ledger from './Ledger.astro';
import LegalRequest from './LegalRequest.astro';
import Predict from './Predict.astro';
import Scrolly from './Scrolly.astro';
import Scrub from './Scrub.astro';
import Simulation from './Simulation.astro';
import Step from './Step.astro';
import Timeline from './Timeline.astro';

export const writerComponents = {
  Simulation,
  Ledger,
  Timeline,
  ContactGraph,
  LegalRequest,
  Scrolly,
  Step,
  Scrub,
  Cite,
  Predict,
  Aside,
} satisfies Record<ComponentName, unknown>;
