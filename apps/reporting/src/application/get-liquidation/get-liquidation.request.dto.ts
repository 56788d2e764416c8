export { AsOfRequest as GetLiquidationRequest } from '../as-of.request.dto';
