import { z } from 'zod';

/** A category id is its path in the tree: "printer" or "printer/paper-jam". */
export const CategoryIdSchema = z
  .string()
  .regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'A category is a path such as printer/paper-jam');

export interface CategoryNode {
  /** One path segment; labels are the renderer's (language-neutral data). */
  id: string;
  children?: CategoryNode[];
}

export const CategoryNodeSchema: z.ZodType<CategoryNode> = z.lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'A category segment is lowercase letters, digits and -'),
    children: z.array(CategoryNodeSchema).optional(),
  }),
);

export const CategoryTreeSchema = z
  .array(CategoryNodeSchema)
  .min(1)
  .superRefine((tree, ctx) => {
    const seen = new Set<string>();
    for (const id of categoryIds(tree)) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `Category ${id} appears twice` });
      seen.add(id);
    }
  });
export type CategoryTree = CategoryNode[];

const leaf = (...ids: string[]): CategoryNode[] => ids.map((id) => ({ id }));

export const DEFAULT_CATEGORY_TREE: CategoryTree = [
  { id: 'hardware', children: leaf('desktop', 'laptop', 'monitor', 'peripherals', 'dock') },
  { id: 'software', children: leaf('os', 'office', 'business-app', 'install-request') },
  { id: 'network', children: leaf('wifi', 'vpn', 'wired', 'internet') },
  { id: 'account', children: leaf('password-reset', 'access-request', 'mfa') },
  { id: 'printer', children: leaf('print-quality', 'paper-jam', 'driver', 'scanner') },
  { id: 'email', children: leaf('mailbox', 'calendar', 'spam') },
  { id: 'phone', children: leaf('mobile', 'desk-phone') },
];

/** Every path in the tree, parents before children. */
export function categoryIds(tree: readonly CategoryNode[], prefix = ''): string[] {
  return tree.flatMap((node) => {
    const id = prefix ? `${prefix}/${node.id}` : node.id;
    return [id, ...categoryIds(node.children ?? [], id)];
  });
}

export function isCategory(tree: readonly CategoryNode[], id: string): boolean {
  return categoryIds(tree).includes(id);
}

/** A category and everything under it (for a queue filter on "printer"). */
export function categoryAndDescendants(tree: readonly CategoryNode[], id: string): string[] {
  return categoryIds(tree).filter(
    (candidate) => candidate === id || candidate.startsWith(`${id}/`),
  );
}
