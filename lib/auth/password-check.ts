import "server-only";
import { isCommonPassword } from "./common-passwords";
import { activationSchema } from "./schemas";

/**
 * The activation form's schema plus the check the browser never gets (the list is 49k
 * entries): a common or breached password is refused on the password field.
 */
export const activationServerSchema = activationSchema.refine((v) => !isCommonPassword(v.password), {
  message: "password.common",
  path: ["password"],
});
