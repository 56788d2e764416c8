export { AsOfRequest as GetAgingRequest } from '../as-of.request.dto';
