import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export const siteRole = pgEnum("site_role", ["viewer", "operator", "admin"]);

/** A place devices live in: a farm, a building, a factory. Access is granted per site. */
export const sites = pgTable("sites", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stored lower-cased so sign-in is case-insensitive without a citext extension.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isAdmin: boolean("is_admin").notNull().default(false),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  // Carried in every session cookie; raising it ends every session signed in before (password
  // changes, disabling, a role taken away, "sign out everywhere").
  sessionVersion: integer("session_version").notNull().default(0),
});

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    role: siteRole("role").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.siteId] }), index("memberships_site_idx").on(t.siteId)],
);
