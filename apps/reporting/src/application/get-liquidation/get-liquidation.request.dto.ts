export { AsOfDayRequest as GetLiquidationRequest } from '../as-of.request.dto';
