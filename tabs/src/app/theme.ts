import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** Maps a Teams theme name to the Fluent UI v9 Teams theme. */
export function fluentTheme(teamsTheme: string): Theme {
  if (teamsTheme === 'dark') {
    return teamsDarkTheme;
  }
  if (teamsTheme === 'contrast') {
    return teamsHighContrastTheme;
  }
  return teamsLightTheme;
}
