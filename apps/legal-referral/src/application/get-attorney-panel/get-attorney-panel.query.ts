import { Query } from '@nestjs/cqrs';
import type { PanelAttorneyView } from '../attorney-panel.view';

/** The agency's panel of receiving attorneys, with each one's caseload. */
export class GetAttorneyPanel extends Query<PanelAttorneyView[]> {}
