export {
  isValidResidentId,
  makeResidentId,
  maskResidentId,
  parseResidentId,
  residentIdCheckChar,
} from "./resident-id";
export type { ParseResidentIdResult, ResidentId, ResidentIdError } from "./resident-id";

export { isValidUscc, makeUscc, normalizeUscc, usccCheckChar } from "./uscc";

export {
  isValidLicenceIdentifier,
  licenceIdentifierCheckChar,
  makeLicenceIdentifier,
  parseLicenceIdentifier,
} from "./licence-identifier";
export type {
  LicenceIdentifier,
  LicenceIdentifierError,
  ParseLicenceIdentifierResult,
} from "./licence-identifier";
