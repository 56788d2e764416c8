export { AsOfDayRequest as GetAgingRequest } from '../as-of.request.dto';
