import { z } from 'zod';

/**
 * What a console page says about whose tenant it is, besides its roster: the signed-in admin's
 * address in the header, the tenant's name and its domain where the console shows them. The page
 * is untrusted, so these cross every boundary through this schema.
 */
export const TenantCues = z.object({
  adminAddress: z.string().max(320).optional(),
  tenantName: z.string().max(253).optional(),
  tenantDomain: z.string().max(253).optional(),
});
export type TenantCues = z.infer<typeof TenantCues>;
